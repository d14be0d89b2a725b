/**
 * The deal as Deal Coach reads it from the CRM page right now, field by field: what was found, what
 * it was read as, and for everything else why not. Shown beside the profile editor (fed by a CRM
 * tab's reading) and in the pick-mode panel. CRM text is rendered as text only. Presentational.
 */
import { useUniqueId as useId } from './ids';
import type { FieldReport, FieldStatus } from '../../lib/crm/custom/draft';

export type LivePreviewState =
  | { kind: 'no-tab'; message?: string }
  | { kind: 'reading' }
  | { kind: 'not-record'; url: string }
  | { kind: 'ready'; url: string; report: readonly FieldReport[] }
  | { kind: 'error'; message: string };

export interface LivePreviewProps {
  state: LivePreviewState;
  onRefresh?(): void;
  /** Jump to a field's row in the editor (or start picking it). */
  onSelectField?(field: string): void;
}

const STATUS: Record<FieldStatus, { text: string; tone: string }> = {
  ok: { text: 'Read', tone: 'ok' },
  missing: { text: 'Missing', tone: 'warn' },
  unparsed: { text: 'Unreadable', tone: 'risk' },
  'not-mapped': { text: 'Not mapped', tone: 'muted' },
};

/** A read value in words: `48,500`, `Negotiation (open)`, `yes`, `3 people`. */
export function formatReadValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return value.toLocaleString('en-US', { maximumFractionDigits: 6 });
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && 'name' in value) {
    const stage = value as { name: unknown; category: unknown };
    return `${String(stage.name)}${stage.category ? ` (${String(stage.category)})` : ''}`;
  }
  return JSON.stringify(value);
}

export function LivePreview({ state, onRefresh, onSelectField }: LivePreviewProps) {
  const headingId = useId();
  const counts = state.kind === 'ready' ? countStatuses(state.report) : null;
  return (
    <section class="dc-opt-section dc-cc-preview" aria-labelledby={headingId} aria-busy={state.kind === 'reading' ? 'true' : undefined}>
      <div class="dc-opt-section__head">
        <h2 id={headingId} class="dc-opt-h">
          Live preview
        </h2>
        {onRefresh && (
          <button type="button" class="dc-btn" onClick={onRefresh} disabled={state.kind === 'reading'}>
            Read the page again
          </button>
        )}
      </div>
      {state.kind === 'no-tab' && <p class="dc-opt-lead">{state.message ?? 'Open a deal in your CRM in another tab to see what Deal Coach reads from it.'}</p>}
      {state.kind === 'reading' && <p class="dc-opt-lead">Reading the page…</p>}
      {state.kind === 'error' && <p class="dc-callout dc-tone-risk">{state.message}</p>}
      {state.kind === 'not-record' && (
        <p class="dc-opt-lead">
          The open tab is not a record page of this CRM: <span class="dc-cc-mono">{state.url}</span>. Check the match pattern and the record id rule.
        </p>
      )}
      {state.kind === 'ready' && counts && (
        <>
          <p class="dc-opt-lead">
            From <span class="dc-cc-mono">{state.url}</span>: {counts.ok} read, {counts.missing} missing, {counts.unparsed} unreadable, {counts['not-mapped']} not mapped.
          </p>
          <div class="dc-table-wrap">
            <table class="dc-table dc-cc-preview__table">
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  <th scope="col">Status</th>
                  <th scope="col">On the page</th>
                  <th scope="col">Read as</th>
                  <th scope="col">Why / note</th>
                </tr>
              </thead>
              <tbody>
                {state.report.map((r) => (
                  <tr key={r.field} class={`dc-cc-preview__row dc-cc-preview__row--${r.status}`}>
                    <th scope="row">
                      {onSelectField ? (
                        <button type="button" class="dc-link" onClick={() => onSelectField(r.field)}>
                          {r.label}
                        </button>
                      ) : (
                        r.label
                      )}
                    </th>
                    <td>
                      <span class={`dc-badge dc-tone-${STATUS[r.status].tone}`}>{STATUS[r.status].text}</span>
                    </td>
                    <td class="dc-cc-raw">{r.raw ?? ''}</td>
                    <td>{r.status === 'ok' ? formatReadValue(r.value) : ''}</td>
                    <td class="dc-cc-why">{r.message ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function countStatuses(report: readonly FieldReport[]): Record<FieldStatus, number> {
  const counts: Record<FieldStatus, number> = { ok: 0, missing: 0, unparsed: 0, 'not-mapped': 0 };
  for (const r of report) counts[r.status]++;
  return counts;
}
