/**
 * Pick mode on the CRM page: a banner (PickOverlayHint) in its own closed shadow root, an outline
 * following the element under the pointer, and the admin's click turned into a locator
 * (lib/crm/custom/pick-mode). Clicks are swallowed while picking so the CRM does not navigate; Esc
 * cancels. Everything is removed when done. CRM text is rendered as text only.
 */
import { render } from 'preact';
import { PickOverlayHint, type PickedValue } from '../../components/custom-crm/PickOverlayHint';
import css from '../../components/custom-crm/custom-crm.css?inline';
import type { DomLocator, PickSuggestion } from '../../lib/crm/custom/pick-mode';
import { robustLocator, robustRegionLocator } from '../../lib/crm/custom/pick-mode';
import type { PickResultMessage } from '../../lib/platform/protocol';

export interface PickUi {
  close(): void;
}

export interface PickUiOptions {
  /** "Close date", "the stakeholder list". */
  label: string;
  what: 'value' | 'list';
  onDone(outcome: PickResultMessage['outcome']): void;
}

const HOST_TAG = 'deal-coach-pick';

export function startPickUi(options: PickUiOptions): PickUi {
  const host = document.createElement(HOST_TAG);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = `${css}\n.dc-cc-outline{position:fixed;z-index:2147483645;pointer-events:none;border:2px solid #2563eb;border-radius:3px;background:rgb(37 99 235 / 8%);display:none}`;
  const outline = document.createElement('div');
  outline.className = 'dc-cc-outline';
  const mount = document.createElement('div');
  shadow.append(style, outline, mount);
  document.documentElement.append(host);

  let picked: (PickedValue & { headers?: string[] }) | null = null;
  let problem: string | null = null;
  let closed = false;
  const theme = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';

  const ours = (event: Event) => event.composedPath().includes(host);
  const target = (event: Event): Element | null => {
    const el = event.composedPath()[0];
    return el instanceof Element ? el : null;
  };

  const finish = (outcome: PickResultMessage['outcome']) => {
    if (closed) return;
    close();
    options.onDone(outcome);
  };

  const accept = (suggestion: PickSuggestion) => {
    if (!picked) return;
    const alternatives = [picked.suggestion, ...picked.alternatives].filter((s) => s !== suggestion).map((s) => s.locator).slice(0, 5);
    finish({ kind: 'picked', text: picked.text.slice(0, 2000), locator: suggestion.locator as DomLocator, alternatives, ...(picked.headers ? { headers: picked.headers.slice(0, 50) } : {}) });
  };

  const paint = () =>
    render(
      <PickOverlayHint
        target={options.label}
        what={options.what}
        picked={picked}
        problem={problem}
        theme={theme}
        onCancel={() => finish({ kind: 'cancelled' })}
        onAccept={accept}
        onPickAgain={() => {
          picked = null;
          problem = null;
          paint();
        }}
      />,
      mount,
    );

  const onMove = (event: MouseEvent) => {
    if (picked || ours(event)) return void (outline.style.display = 'none');
    const el = target(event);
    if (!el) return;
    const r = el.getBoundingClientRect();
    Object.assign(outline.style, { display: 'block', top: `${r.top - 2}px`, left: `${r.left - 2}px`, width: `${r.width + 4}px`, height: `${r.height + 4}px` });
  };
  /** While picking, the page must not react to the click (links, buttons, expanding panels). */
  const swallow = (event: Event) => {
    if (picked || ours(event)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  const onClick = (event: MouseEvent) => {
    if (picked || ours(event)) return;
    swallow(event);
    const el = target(event);
    if (!el) return;
    const result: (ReturnType<typeof robustLocator> & { headers?: string[] }) | null = options.what === 'list' ? robustRegionLocator(el, document) : robustLocator(el, document);
    if (!result) {
      problem = 'Deal Coach cannot find that place again on other records. Click the value itself.';
    } else {
      problem = null;
      picked = { text: result.text, suggestion: { locator: result.locator, confidence: result.confidence, why: result.why }, alternatives: result.alternatives, ...(result.headers ? { headers: result.headers } : {}) };
      outline.style.display = 'none';
    }
    paint();
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') finish({ kind: 'cancelled' });
  };

  const listeners: Array<[string, EventListener]> = [
    ['mousemove', onMove as EventListener],
    ['pointerdown', swallow],
    ['mousedown', swallow],
    ['mouseup', swallow],
    ['click', onClick as EventListener],
    ['keydown', onKey as EventListener],
  ];
  for (const [type, listener] of listeners) window.addEventListener(type, listener, true);

  function close(): void {
    if (closed) return;
    closed = true;
    for (const [type, listener] of listeners) window.removeEventListener(type, listener, true);
    render(null, mount);
    host.remove();
  }

  paint();
  return { close };
}
