import type { StakeholderView } from '../../lib/coaching/types';
import type { Influence } from '../../lib/model';
import { formatAge } from '../../lib/format';
import { Icon } from '../icons';
import { Section } from './Section';

const INFLUENCE: Record<Influence, { label: string; rank: number }> = {
  'economic-buyer': { label: 'Economic buyer', rank: 0 },
  'decision-maker': { label: 'Decision maker', rank: 1 },
  champion: { label: 'Champion', rank: 2 },
  influencer: { label: 'Influencer', rank: 3 },
  evaluator: { label: 'Evaluator', rank: 4 },
  user: { label: 'User', rank: 5 },
  other: { label: 'Other', rank: 6 },
};

/** Who is on the deal: key people first, each with influence, CRM roles and last contact. */
export function Stakeholders({ people, now }: { people: StakeholderView[]; now: string }) {
  const sorted = [...people].sort(
    (a, b) => Number(b.isKey) - Number(a.isKey) || INFLUENCE[a.influence].rank - INFLUENCE[b.influence].rank || a.name.localeCompare(b.name),
  );
  const key = people.filter((p) => p.isKey);
  const keyReached = key.filter((p) => p.reached).length;

  return (
    <Section
      title={
        <>
          Stakeholders <span class="dc-section__sub">· {people.length}</span>
        </>
      }
      meta={people.length === 0 ? undefined : key.length === 0 ? 'No key people (economic buyer, decision maker, champion) identified' : `${keyReached} of ${key.length} key ${key.length === 1 ? 'person' : 'people'} reached`}
    >
      {people.length === 0 ? (
        <p class="dc-empty">No contacts on this deal yet. Add the people you are talking to: coaching needs them to spot single-threading and unreached buyers.</p>
      ) : (
        <ul class="dc-people">
          {sorted.map((p) => (
            <li key={p.id} class={`dc-person${p.isKey ? ' dc-person--key' : ''}`}>
              <div class="dc-person__top">
                <span class="dc-person__name">{p.name}</span>
                <span class={`dc-badge ${p.isKey ? 'dc-tone-key' : 'dc-tone-muted'}`}>{INFLUENCE[p.influence].label}</span>
              </div>
              {(p.title || p.isPrimary) && (
                <p class="dc-person__title">
                  {p.title}
                  {p.isPrimary && <span class="dc-person__primary">{p.title ? ' · ' : ''}Primary contact</span>}
                </p>
              )}
              {p.roles.length > 0 && <p class="dc-person__roles">Role in CRM: {p.roles.join(', ')}</p>}
              <p class={`dc-person__contact ${p.reached ? 'dc-tone-ok' : p.isKey ? 'dc-tone-warn' : 'dc-tone-muted'}`}>
                <Icon name={p.reached ? 'check' : p.isKey ? 'warn' : 'circle'} class="dc-person__icon" /> 
                {p.reached ? 'Reached' : 'Not reached'}
                <span class="dc-muted"> · {p.lastContact ? `last contact ${formatAge(p.lastContact, now)}` : 'never contacted'}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
