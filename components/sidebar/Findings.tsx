import { useState } from 'preact/hooks';
import type { Finding } from '../../lib/model';
import { countOf } from '../../lib/format';
import { Icon } from '../icons';
import { FindingItem } from './FindingItem';
import { Section } from './Section';
import { GROUP_TITLE, SEVERITY, SEVERITY_ORDER, countBySeverity } from './severity';

/**
 * Findings grouped Risk / Warning / Info. Risks start expanded, the rest collapsed; every
 * finding toggles on its own, and "Expand all" opens them all.
 */
export function Findings({ findings }: { findings: Finding[] }) {
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const keyed = findings.map((f, i) => ({ f, key: `${f.ruleId}:${i}` }));
  const isOpen = (key: string, f: Finding) => open[key] ?? f.severity === 'risk';
  const counts = countBySeverity(findings);
  const allOpen = keyed.every(({ f, key }) => isOpen(key, f));

  if (findings.length === 0) {
    return (
      <Section title="Findings">
        <p class="dc-callout dc-tone-ok">
          <Icon name="ok" />
          <span>No risks found. Coaching checked this deal against your playbook and thresholds and has nothing to flag.</span>
        </p>
      </Section>
    );
  }

  return (
    <Section
      title="Findings"
      meta={SEVERITY_ORDER.filter((s) => counts[s] > 0)
        .map((s) => countOf(counts[s], SEVERITY[s].one, SEVERITY[s].many))
        .join(' · ')}
      action={
        <button type="button" class="dc-link dc-section__action" onClick={() => setOpen(Object.fromEntries(keyed.map(({ key }) => [key, !allOpen])))}>
          {allOpen ? 'Collapse all' : 'Expand all'}
        </button>
      }
    >
      {SEVERITY_ORDER.filter((s) => counts[s] > 0).map((severity) => (
        <div key={severity} class={`dc-group ${SEVERITY[severity].tone}`}>
          <h4 class="dc-group__title">
            {GROUP_TITLE[severity]} <span class="dc-group__count">{counts[severity]}</span>
          </h4>
          <ul class="dc-findings">
            {keyed
              .filter(({ f }) => f.severity === severity)
              .map(({ f, key }) => (
                <FindingItem key={key} finding={f} open={isOpen(key, f)} onToggle={() => setOpen({ ...open, [key]: !isOpen(key, f) })} />
              ))}
          </ul>
        </div>
      ))}
    </Section>
  );
}
