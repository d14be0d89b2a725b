import { useId, useState } from 'preact/hooks';
import type { CredentialsProps, TokenKind } from '../types';

/**
 * HubSpot private app tokens (per portal, plus the person's HubSpot login email) and Pipedrive API
 * tokens (per company domain). Saved in this browser only; shown redacted; the page never shows a
 * saved token again.
 */
export function CredentialsSection(props: CredentialsProps) {
  const headingId = useId();
  return (
    <section class="dc-opt-section" aria-labelledby={headingId}>
      <h2 id={headingId} class="dc-opt-h">
        CRM tokens
      </h2>
      <p class="dc-opt-lead">
        HubSpot and Pipedrive are read with a token you create in the CRM. It stays in this browser, is sent only to that portal’s or company’s own API, and Deal Coach only reads with it.
      </p>
      <TokenForm
        kind="hubspot"
        title="HubSpot"
        ownerLabel="Portal ID"
        ownerHint="The number in your HubSpot URLs: app.hubspot.com/contacts/<portal ID>/…"
        tokenLabel="Private app token"
        tokenHint="Settings → Integrations → Private apps; read scopes for deals, contacts, companies, owners."
        saved={props.hubspot}
        onSave={props.onSaveToken}
        onRemove={props.onRemoveToken}
      >
        <EmailField email={props.hubspotEmail} onSave={props.onSaveHubSpotEmail} />
      </TokenForm>
      <TokenForm
        kind="pipedrive"
        title="Pipedrive"
        ownerLabel="Company domain"
        ownerHint="e.g. acme.pipedrive.com"
        tokenLabel="Personal API token"
        tokenHint="Personal preferences → API."
        saved={props.pipedrive}
        onSave={props.onSaveToken}
        onRemove={props.onRemoveToken}
      />
    </section>
  );
}

function TokenForm(props: {
  kind: TokenKind;
  title: string;
  ownerLabel: string;
  ownerHint: string;
  tokenLabel: string;
  tokenHint: string;
  saved: { owner: string; redacted: string }[];
  onSave: CredentialsProps['onSaveToken'];
  onRemove: CredentialsProps['onRemoveToken'];
  children?: preact.ComponentChildren;
}) {
  const id = useId();
  const [owner, setOwner] = useState('');
  const [token, setToken] = useState('');
  const [message, setMessage] = useState<{ tone: 'ok' | 'risk'; text: string } | null>(null);
  const save = async (event: Event) => {
    event.preventDefault();
    const error = await props.onSave(props.kind, owner, token);
    if (error) return setMessage({ tone: 'risk', text: error });
    setToken('');
    setOwner('');
    setMessage({ tone: 'ok', text: `${props.title} token saved.` });
  };
  return (
    <div class="dc-cred" role="group" aria-labelledby={`${id}-t`}>
      <h3 id={`${id}-t`} class="dc-cred__title">
        {props.title}
      </h3>
      {props.saved.length > 0 && (
        <ul class="dc-cred__saved" aria-label={`Saved ${props.title} tokens`}>
          {props.saved.map((s) => (
            <li key={s.owner}>
              <span class="dc-table__instance">{s.owner}</span> <code class="dc-muted">{s.redacted}</code>{' '}
              <button type="button" class="dc-link" onClick={() => void props.onRemove(props.kind, s.owner)} aria-label={`Remove the ${props.title} token of ${s.owner}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="dc-cred__form" onSubmit={(e) => void save(e)}>
        <label class="dc-field__label" for={`${id}-o`}>
          {props.ownerLabel}
        </label>
        <input id={`${id}-o`} class="dc-field__input" value={owner} onInput={(e) => setOwner(e.currentTarget.value)} aria-describedby={`${id}-oh`} autoComplete="off" spellcheck={false} />
        <p id={`${id}-oh`} class="dc-field__help">
          {props.ownerHint}
        </p>
        <label class="dc-field__label" for={`${id}-k`}>
          {props.tokenLabel}
        </label>
        <input id={`${id}-k`} class="dc-field__input" type="password" value={token} onInput={(e) => setToken(e.currentTarget.value)} aria-describedby={`${id}-kh`} autoComplete="off" spellcheck={false} />
        <p id={`${id}-kh`} class="dc-field__help">
          {props.tokenHint}
        </p>
        <div>
          <button type="submit" class="dc-btn">
            Save {props.title} token
          </button>
        </div>
        <p class={`dc-field__msg${message ? ` dc-tone-${message.tone}` : ''}`} role="status">
          {message?.text}
        </p>
      </form>
      {props.children}
    </div>
  );
}

function EmailField({ email, onSave }: { email: string; onSave(email: string): Promise<string | null> }) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <form
      class="dc-cred__form"
      onSubmit={(e) => {
        e.preventDefault();
        void onSave(draft ?? email).then((error) => setMessage(error ?? 'Saved.'));
      }}
    >
      <label class="dc-field__label" for={id}>
        Your HubSpot login email
      </label>
      <input id={id} class="dc-field__input" type="email" value={draft ?? email} onInput={(e) => setDraft(e.currentTarget.value)} aria-describedby={`${id}-h`} />
      <p id={`${id}-h`} class="dc-field__help">
        A private app token does not say who you are; Deal Coach finds your deals through the HubSpot owner with this email.
      </p>
      <div>
        <button type="submit" class="dc-btn">
          Save email
        </button>
      </div>
      <p class="dc-field__msg" role="status">
        {message}
      </p>
    </form>
  );
}
