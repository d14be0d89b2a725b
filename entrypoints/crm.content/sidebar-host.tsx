/**
 * The one Deal Coach sidebar of a page: a closed shadow root created once, mounted while a
 * record is shown and removed otherwise. Renders SidebarState; never throws into the page.
 */
import { Component, render, type ComponentChildren } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Sidebar } from '../../components/sidebar';
import type { SidebarProps, SidebarState } from '../../components/types';

export type SidebarCallbacks = Pick<SidebarProps, 'onToggleCollapsed' | 'onRefresh' | 'onOpenReview'>;

export interface SidebarHost {
  show(state: SidebarState): void;
  hide(): void;
  setCollapsed(collapsed: boolean): void;
  setTheme(theme: 'light' | 'dark' | 'auto'): void;
  readonly visible: boolean;
}

/** Anything the sidebar throws while rendering becomes its error state, not a page error. */
class Guard extends Component<{ crmLabel: string; children: ComponentChildren }, { failed: string | null }> {
  override state = { failed: null as string | null };
  static override getDerivedStateFromError(error: unknown) {
    return { failed: error instanceof Error ? error.message : String(error) };
  }
  override componentDidCatch(error: unknown) {
    console.warn('Deal Coach: the sidebar failed to render', error);
  }
  override render() {
    if (this.state.failed === null) return this.props.children;
    return (
      <Sidebar
        state={{ kind: 'error', crmLabel: this.props.crmLabel, errorKind: 'internal', message: `Deal Coach could not show this deal (${this.state.failed}).` }}
        collapsed={false}
        now={new Date().toISOString()}
        onToggleCollapsed={() => undefined}
        onRefresh={() => this.setState({ failed: null })}
      />
    );
  }
}

interface ShadowUi {
  /** The element Preact renders into while the host is in the page; null otherwise. */
  readonly mounted: HTMLElement | null;
  mount(): void;
  remove(): void;
}

/**
 * The closed shadow root, as WXT's createShadowRootUi builds it (`<deal-coach-sidebar>` → shadow →
 * html > head + body, the entry's CSS with `:host { all: initial }`, key events kept inside) in a
 * few lines rather than ~2 kB gzipped of generic UI code in the content script (DESIGN §8).
 * cssInjectionMode 'ui' still makes WXT emit content-scripts/crm.css as a web-accessible resource.
 */
async function createShadowUi(ctx: ContentScriptContext): Promise<ShadowUi> {
  // Emitted by the build, so not among WXT's typed public paths.
  const css = await fetch((browser.runtime.getURL as (path: string) => string)('/content-scripts/crm.css'))
    .then((response) => response.text())
    .catch((error: unknown) => (console.warn('Deal Coach: could not load the sidebar styles', error), ''));
  const host = document.createElement('deal-coach-sidebar');
  const shadow = host.attachShadow({ mode: 'closed' });
  const html = document.createElement('html');
  const head = document.createElement('head');
  const body = document.createElement('body');
  const style = document.createElement('style');
  style.textContent = `:host{all:initial !important}\n${css.replaceAll(':root', ':host')}`;
  head.append(style);
  html.append(head, body);
  shadow.append(html);
  // Keys typed in the sidebar stay in it (CRM pages have global shortcuts).
  for (const type of ['keydown', 'keyup', 'keypress']) body.addEventListener(type, (event) => event.stopPropagation());
  // The panel is position: fixed in its own CSS; keep the host itself out of the page's layout.
  Object.assign(host.style, { position: 'fixed', top: '0', right: '0', width: '0', height: '0', overflow: 'visible', display: 'block', zIndex: '2147483000' });
  let mounted: HTMLElement | null = null;
  const ui: ShadowUi = {
    get mounted() {
      return mounted;
    },
    mount() {
      (document.body ?? document.documentElement).append(host);
      mounted = body;
    },
    remove() {
      if (mounted) render(null, mounted);
      host.remove();
      mounted = null;
    },
  };
  ctx.onInvalidated(() => ui.remove());
  return ui;
}

export function createSidebarHost(ctx: ContentScriptContext, callbacks: SidebarCallbacks): SidebarHost {
  let ui: ShadowUi | null = null;
  let creating: Promise<ShadowUi> | null = null;
  let mounted = false;
  let state: SidebarState | null = null;
  /** `state` as JSON: an update equal to what is shown (a revalidation that changed nothing) is not rendered again. */
  let shown = '';
  let collapsed = false;
  let theme: 'light' | 'dark' | 'auto' = 'auto';

  const paint = () => {
    const container = ui?.mounted;
    if (!container || !state) return;
    try {
      render(
        <Guard crmLabel={state.crmLabel}>
          <Sidebar state={state} collapsed={collapsed} now={new Date().toISOString()} theme={theme} {...callbacks} />
        </Guard>,
        container,
      );
    } catch (error) {
      console.warn('Deal Coach: render failed', error);
    }
  };

  const ensureUi = () => (creating ??= createShadowUi(ctx).then((created) => (ui = created)));

  return {
    get visible() {
      return mounted;
    },
    show(next) {
      const json = JSON.stringify(next);
      if (mounted && json === shown) return;
      shown = json;
      state = next;
      if (mounted) return paint();
      mounted = true;
      void ensureUi()
        .then((created) => {
          if (!mounted || ctx.isInvalid) return;
          if (!created.mounted) created.mount();
          paint();
        })
        .catch((error: unknown) => console.warn('Deal Coach: could not create the sidebar', error));
    },
    hide() {
      if (!mounted) return;
      mounted = false;
      state = null;
      shown = '';
      ui?.remove();
    },
    setCollapsed(value) {
      collapsed = value;
      paint();
    },
    setTheme(value) {
      if (value === theme) return;
      theme = value;
      paint();
    },
  };
}
