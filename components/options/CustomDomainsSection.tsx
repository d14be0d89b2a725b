import { useId, useState } from 'preact/hooks';
import type { CustomDomainsProps } from '../types';

/**
 * "Add a custom CRM domain": asks the browser for access to one more https origin (a Salesforce
 * My Domain on its own host, Dynamics on-premises). The browser shows its own prompt; nothing is
 * granted without it, and each domain can be removed again.
 */
export function CustomDomainsSection({ granted, onAdd, onRemove }: CustomDomainsProps) {
  const headingId = useId();
  const inputId = useId();
  const [host, setHost] = useState('');
  const [message, setMessage] = useState<{ tone: 'ok' | 'risk'; text: string } | null>(null);
  return (
    <section class="dc-opt-section" aria-labelledby={headingId}>
      <h2 id={headingId} class="dc-opt-h">
        Custom CRM domains
      </h2>
      <p class="dc-opt-lead">Deal Coach may read only the CRM sites it lists. If your CRM runs on your company’s own domain, add it here; your browser asks you to confirm.</p>
      {granted.length > 0 && (
        <ul class="dc-cred__saved" aria-label="Custom CRM domains">
          {granted.map((origin) => (
            <li key={origin}>
              <span class="dc-table__instance">{origin}</span>{' '}
              <button type="button" class="dc-link" onClick={() => void onRemove(origin)} aria-label={`Remove ${origin}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="dc-cred__form"
        onSubmit={(e) => {
          e.preventDefault();
          // permissions.request needs the click's user gesture: onAdd calls it before any await.
          void onAdd(host).then((error) => {
            setMessage(error ? { tone: 'risk', text: error } : { tone: 'ok', text: 'Access granted.' });
            if (!error) setHost('');
          });
        }}
      >
        <label class="dc-field__label" for={inputId}>
          CRM domain
        </label>
        <input id={inputId} class="dc-field__input" value={host} placeholder="crm.example.com" onInput={(e) => setHost(e.currentTarget.value)} spellcheck={false} />
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
