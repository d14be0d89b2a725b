import { useId } from 'preact/hooks';
import type { Connection } from '../types';
import { formatAge, formatCount } from '../../lib/format';

/** The CRMs Deal Coach has read from: instance, who is signed in, last sync, API calls today. */
export function ConnectionsSection({ connections, now }: { connections: Connection[]; now: string }) {
  const headingId = useId();
  return (
    <section class="dc-opt-section" aria-labelledby={headingId}>
      <h2 id={headingId} class="dc-opt-h">
        Connected CRMs
      </h2>
      {connections.length === 0 ? (
        <p class="dc-opt-lead">No CRM yet. Open an opportunity in your CRM and Deal Coach connects with the session you are signed in with.</p>
      ) : (
        <>
          <p class="dc-opt-lead">Deal Coach reads these with your own session. API calls count toward your CRM’s daily limit; for Salesforce, “org” is the whole org’s usage today as Salesforce reports it, and Deal Coach pauses above 80%.</p>
          <div class="dc-table-wrap">
            <table class="dc-table">
              <thead>
                <tr>
                  <th scope="col">CRM</th>
                  <th scope="col">Instance</th>
                  <th scope="col">Signed in as</th>
                  <th scope="col">Last sync</th>
                  <th scope="col" class="dc-num">
                    API calls today
                  </th>
                </tr>
              </thead>
              <tbody>
                {connections.map((c) => (
                  <tr key={`${c.crm}/${c.instance}`}>
                    <th scope="row">{c.crmLabel}</th>
                    <td class="dc-table__instance">{c.instance}</td>
                    <td>{c.user ? c.user.name : <span class="dc-muted">not signed in</span>}</td>
                    <td>{c.lastSync ? formatAge(c.lastSync, now) : <span class="dc-muted">never</span>}</td>
                    <td class="dc-num">
                      {formatCount(c.callsToday)}
                      {c.apiUsage && (
                        <span class="dc-usage dc-muted" title={`As ${c.crmLabel} reported it ${formatAge(c.apiUsage.at, now)}`}>
                          org: {formatCount(c.apiUsage.used)} of {formatCount(c.apiUsage.max)} ({Math.round((c.apiUsage.used / c.apiUsage.max) * 100)}%)
                        </span>
                      )}
                    </td>
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
