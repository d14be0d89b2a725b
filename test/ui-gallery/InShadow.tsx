import type { ComponentChildren } from 'preact';
import { createElement, render, type Ref } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * Mounts children the way WXT's createShadowRootUi does: a shadow root holding
 * <html><head><style/></head><body/></html>, with WXT's `:host { all: initial }` reset before our
 * CSS. The root is open here only so Playwright can look inside; production uses a closed one.
 */
export function InShadow({ css, children }: { css: string; children: ComponentChildren }) {
  const hostRef = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const host = hostRef.current!;
    const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    const html = document.createElement('html');
    const head = document.createElement('head');
    const body = document.createElement('body');
    const style = document.createElement('style');
    style.textContent = `/* WXT Shadow Root Reset */ :host{all:initial !important;}\n${css.replaceAll(':root', ':host')}`;
    head.append(style);
    html.append(head, body);
    shadow.replaceChildren(html);
    render(children, body);
    return () => render(null, body);
  }, []);
  // A custom element, like WXT's host: the host page's styles for div etc. do not apply.
  return createElement('deal-coach-ui' as 'div', { ref: hostRef as Ref<HTMLDivElement> });
}
