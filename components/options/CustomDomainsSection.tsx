import { useId, useState } from 'preact/hooks';
import type { CustomDomainsProps } from '../types';
import { LockedNote } from './Locked';

/**
 * "Custom CRM domains": a CRM Deal Coach knows, running on the company's own server (a self-hosted
 * Tryton, often plain http on the LAN). The person names the CRM and its address; the browser asks
 * them to allow that one host; Deal Coach then runs there for that CRM only. Each can be removed,
 * which also gives the browser's access back.
 */
export function CustomDomainsSection({ domains, crms, onAdd, onRemove, onGrant }: CustomDomainsProps) {
  const headingId = useId();
  const crmId = useId();
  const inputId = useId();
  const helpId = useId();
  const [crm, setCrm] = useState(crms[0]?.id ?? '');
  const [address, setAddress] = useState('');
  const [message, setMessage] = useState<{ tone: 'ok' | 'risk'; text: string } | null>(null);
  const example = crms.find((c) => c.id === crm)?.example ?? 'https://crm.example.com';
  return (
    <section class="dc-opt-section" aria-labelledby={headingId}>
      <h2 id={headingId} class="dc-opt-h">
        Custom CRM domains
      </h2>
      <p class="dc-opt-lead">
        Deal Coach may read only the CRM sites it lists. If your company runs its CRM on its own server, add that address here; your browser asks you to confirm. Salesforce, HubSpot, Pipedrive
        and Dynamics 365 online need nothing here; for any other CRM, set up a custom CRM profile.
      </p>
      {domains.length > 0 && (
        <ul class="dc-cred__saved" aria-label="Custom CRM domains">
          {domains.map((d) => (
            <li key={d.origin}>
              <span class="dc-table__instance">{d.origin}</span> · {d.crmLabel}
              {d.managed && (
                <>
                  {' · '}
                  <LockedNote />
                </>
              )}
              {!d.granted && <span class="dc-tone-risk"> · access not granted{d.managed ? '' : ': remove it and add it again'}</span>}{' '}
              {d.managed ? (
                !d.granted && (
                  <button
                    type="button"
                    class="dc-link"
                    aria-label={`Allow access to ${d.origin}`}
                    onClick={() => void onGrant(d.origin).then((error) => setMessage(error ? { tone: 'risk', text: error } : { tone: 'ok', text: 'Access granted. Reload your CRM tab to see Deal Coach there.' }))}
                  >
                    Allow access
                  </button>
                )
              ) : (
                <button type="button" class="dc-link" onClick={() => void onRemove(d.origin)} aria-label={`Remove ${d.origin}`}>
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form
        class="dc-cred__form"
        onSubmit={(e) => {
          e.preventDefault();
          // permissions.request needs the click's user gesture: onAdd calls it before any await.
          void onAdd(crm, address).then((error) => {
            setMessage(error ? { tone: 'risk', text: error } : { tone: 'ok', text: 'Access granted. Reload your CRM tab to see Deal Coach there.' });
            if (!error) setAddress('');
          });
        }}
      >
        <label class="dc-field__label" for={crmId}>
          CRM
        </label>
        <select id={crmId} class="dc-field__input" value={crm} onChange={(e) => setCrm((e.currentTarget as HTMLSelectElement).value)}>
          {crms.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
        <label class="dc-field__label" for={inputId}>
          Server address
        </label>
        <input id={inputId} class="dc-field__input" value={address} placeholder={example} onInput={(e) => setAddress(e.currentTarget.value)} aria-describedby={helpId} spellcheck={false} autoComplete="off" />
        <p id={helpId} class="dc-field__help">
          The address you open it at, with http:// if it has no https, and the port if it has one, e.g. {example}.
        </p>
        <div>
          <button type="submit" class="dc-btn">
            Add a custom CRM domain
          </button>
        </div>
        <p class={`dc-field__msg${message ? ` dc-tone-${message.tone}` : ''}`} role="status">
          {message?.text}
        </p>
      </form>
    </section>
  );
}
