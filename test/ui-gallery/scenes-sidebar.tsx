import { useState } from 'preact/hooks';
import sidebarCss from '../../components/sidebar/sidebar.css?inline';
import { Sidebar } from '../../components/sidebar/Sidebar';
import type { SidebarProps, SidebarState } from '../../components/types';
import { cachedStale, fresh, healthyView, hostileView, NOW, staleView } from './fixtures';
import { HostPage } from './HostPage';
import { InShadow } from './InShadow';
import type { Scene } from './scene';
import { record } from './scene';

function SidebarDemo({ state, collapsed: initial = false, theme }: { state: SidebarState; collapsed?: boolean; theme: SidebarProps['theme'] }) {
  const [collapsed, setCollapsed] = useState(initial);
  return (
    <Sidebar
      state={state}
      collapsed={collapsed}
      now={NOW}
      theme={theme}
      onToggleCollapsed={() => {
        record('toggle');
        setCollapsed((c) => !c);
      }}
      onRefresh={() => record('refresh')}
      onOpenReview={() => record('open-review')}
    />
  );
}

const states: Array<{ id: string; title: string; state: SidebarState; collapsed?: boolean; hostTitle?: string }> = [
  { id: 'loading', title: 'Loading', state: { kind: 'loading', crmLabel: 'Salesforce' } },
  { id: 'stale', title: 'Ready: stale unqualified deal, 5 findings', state: { kind: 'ready', crmLabel: 'Salesforce', view: staleView, source: fresh } },
  {
    id: 'notice',
    title: 'Ready with notice (refresh failed, cache shown)',
    state: { kind: 'ready', crmLabel: 'Salesforce', view: staleView, source: cachedStale, notice: 'Refresh failed: Salesforce did not answer in time. Showing data from 2 h ago.' },
  },
  { id: 'healthy', title: 'Ready: healthy deal, no findings', state: { kind: 'ready', crmLabel: 'Salesforce', view: healthyView, source: { ...fresh, fromCache: true } }, hostTitle: 'Contoso Analytics add-on' },
  {
    id: 'error-cached',
    title: 'Error with cached data',
    state: {
      kind: 'error',
      crmLabel: 'Salesforce',
      errorKind: 'rate-limited',
      message: 'Salesforce asked us to slow down (API limit reached). Deal Coach will try again in a few minutes.',
      cached: { view: staleView, source: cachedStale },
    },
  },
  {
    id: 'error',
    title: 'Error, nothing cached',
    state: { kind: 'error', crmLabel: 'Salesforce', errorKind: 'session-expired', message: 'Salesforce says your session has expired. Reload your CRM tab and sign in again.' },
  },
  { id: 'collapsed', title: 'Collapsed tab', state: { kind: 'ready', crmLabel: 'Salesforce', view: staleView, source: fresh }, collapsed: true },
  { id: 'hostile', title: 'Long names and HTML-looking CRM text', state: { kind: 'ready', crmLabel: 'HubSpot', view: hostileView, source: fresh }, hostTitle: 'Ünïcødé Grüße & Söhne — Enterprise Agreement' },
];

export const sidebarScenes: Scene[] = states.flatMap((s) =>
  (['light', 'dark'] as const).map((tone) => ({
    id: `sidebar-${s.id}-${tone}`,
    title: `Sidebar · ${s.title} · ${tone}`,
    kind: 'sidebar' as const,
    scheme: tone,
    render: () => (
      <>
        <HostPage tone={tone} title={s.hostTitle ?? 'Northwind Traders: Platform renewal & expansion FY26'} />
        <InShadow css={sidebarCss}>
          <SidebarDemo state={s.state} collapsed={s.collapsed} theme={tone} />
        </InShadow>
      </>
    ),
  })),
);

// 'auto' theme: the OS scheme decides (shot with prefers-color-scheme: dark on a light page).
sidebarScenes.push({
  id: 'sidebar-auto-os-dark',
  title: 'Sidebar · theme auto, OS dark, light page',
  kind: 'sidebar',
  scheme: 'dark',
  render: () => (
    <>
      <HostPage tone="light" title="Northwind Traders: Platform renewal & expansion FY26" />
      <InShadow css={sidebarCss}>
        <SidebarDemo state={{ kind: 'ready', crmLabel: 'Salesforce', view: healthyView, source: fresh }} theme="auto" />
      </InShadow>
    </>
  ),
});
