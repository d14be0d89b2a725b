/**
 * The one Deal Coach sidebar of a page: a closed shadow root created once, mounted while a
 * record is shown and removed otherwise. Renders SidebarState; never throws into the page.
 */
import { Component, render, type ComponentChildren } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
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

export function createSidebarHost(ctx: ContentScriptContext, callbacks: SidebarCallbacks): SidebarHost {
  let ui: ShadowRootContentScriptUi<HTMLElement> | null = null;
  let creating: Promise<ShadowRootContentScriptUi<HTMLElement>> | null = null;
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

  const ensureUi = () =>
    (creating ??= createShadowRootUi<HTMLElement>(ctx, {
      name: 'deal-coach-sidebar',
      mode: 'closed',
      position: 'overlay',
      alignment: 'top-right',
      zIndex: 2147483000,
      anchor: 'body',
      append: 'last',
      // Keys typed in the sidebar stay in it (CRM pages have global shortcuts).
      isolateEvents: ['keydown', 'keyup', 'keypress'],
      onMount: (container, _shadow, host) => {
        // The panel is position: fixed in its own CSS; keep the host itself out of the page's layout.
        Object.assign(host.style, { position: 'fixed', top: '0', right: '0' });
        return container;
      },
      onRemove: (container) => {
        if (container) render(null, container);
      },
    }).then((created) => (ui = created)));

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
