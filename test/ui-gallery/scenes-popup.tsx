import '../../components/popup/index';
import { Popup } from '../../components/popup/Popup';
import type { PopupState } from '../../components/types';
import { fresh, NOW, summary, summaryUnreliable } from './fixtures';
import type { Scene } from './scene';
import { record } from './scene';

const states: Array<{ id: string; title: string; state: PopupState }> = [
  { id: 'ready', title: 'Ready', state: { kind: 'ready', crmLabel: 'Salesforce', summary, riskDeals: 3, source: fresh, currency: 'USD' } },
  { id: 'unreliable', title: 'Value win rate unreliable, no velocity, team cycle', state: { kind: 'ready', crmLabel: 'Demo CRM', summary: summaryUnreliable, riskDeals: 0, source: { ...fresh, stale: true }, currency: 'USD' } },
  { id: 'loading', title: 'Loading', state: { kind: 'loading' } },
  { id: 'no-crm', title: 'No CRM', state: { kind: 'no-crm', message: 'This tab is not a CRM page Deal Coach knows.' } },
  { id: 'error', title: 'Error', state: { kind: 'error', message: 'Salesforce says your session has expired. Reload your CRM tab and sign in again.' } },
];

export const popupScenes: Scene[] = states.flatMap((s) =>
  (['light', 'dark'] as const)
    .filter((tone) => tone === 'light' || s.id === 'ready' || s.id === 'unreliable' || s.id === 'no-crm')
    .map((tone) => ({
      id: `popup-${s.id}-${tone}`,
      title: `Popup · ${s.title} · ${tone}`,
      kind: 'popup' as const,
      scheme: tone,
      render: () => (
        <div class={`frame frame--${tone}`}>
          <Popup
            state={s.state}
            now={NOW}
            onOpenReview={(f) => record(`open-review ${JSON.stringify(f)}`)}
            onOpenOptions={() => record('open-options')}
          />
        </div>
      ),
    })),
);
