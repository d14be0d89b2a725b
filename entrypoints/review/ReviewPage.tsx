import type { ReviewReply, ReviewRow } from '../../lib/platform/protocol';
import type { Severity } from '../../lib/model';
import { formatAge, formatDate, formatMoney } from '../../components/format';

const LABEL: Record<Severity, string> = { risk: 'Risk', warn: 'Warning', info: 'Note' };
const FILTER_WORDS: Record<Severity, string> = { risk: 'with at least one risk', warn: 'with a risk or warning', info: 'with any finding' };

export function ReviewPage({ reply, filter }: { reply: ReviewReply | null; filter: { ownerId?: string; severity?: Severity } }) {
  const now = new Date().toISOString();
  return (
    <main class="dc-theme review" data-theme="auto">
      <header class="review__head">
        <h1>Deal review</h1>
        {reply?.kind === 'ready' && (
          <p class="review__sub">
            {reply.owner.name} · {reply.crmLabel} · {reply.rows.length} of {reply.openDeals} open deals {filter.severity ? FILTER_WORDS[filter.severity] : ''} · data from {formatAge(reply.source.fetchedAt, now)}
          </p>
        )}
      </header>
      {reply === null && <p role="status">Loading deals…</p>}
      {reply?.kind === 'no-crm' && <p class="review__empty">{reply.message}</p>}
      {reply?.kind === 'error' && (
        <p class="review__error" role="alert">
          {reply.message}
        </p>
      )}
      {reply?.kind === 'ready' && (reply.rows.length === 0 ? <p class="review__empty">No open deal matches this filter.</p> : <DealTable rows={reply.rows} />)}
    </main>
  );
}

function DealTable({ rows }: { rows: ReviewRow[] }) {
  return (
    <table class="review__table">
      <thead>
        <tr>
          <th scope="col">Deal</th>
          <th scope="col">Stage</th>
          <th scope="col" class="num">
            Amount
          </th>
          <th scope="col">Close date</th>
          <th scope="col">Findings</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <td>
              <a href={row.url} target="_blank" rel="noreferrer">
                {row.name}
              </a>
              {row.accountName && <div class="review__muted">{row.accountName}</div>}
            </td>
            <td>{row.stage}</td>
            <td class="num">{formatMoney(row.amount, row.currency)}</td>
            <td>{row.closeDate ? formatDate(row.closeDate) : '—'}</td>
            <td>
              {row.findings.length === 0 ? (
                <span class="review__muted">No findings</span>
              ) : (
                <ul class="review__findings">
                  {row.findings.map((f) => (
                    <li key={f.ruleId} title={f.why}>
                      <span class={`review__sev review__sev--${f.severity}`}>{LABEL[f.severity]}</span> {f.title}
                    </li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
