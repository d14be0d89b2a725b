import { useEffect, useId, useMemo, useState } from 'preact/hooks';
import type { CredentialsProps, HubSpotOwnerOption, TokenKind } from '../types';

/**
 * HubSpot private app tokens (per portal, plus who the person is among the portal's owners) and
 * Pipedrive API tokens (per company domain). Saved in this browser only; shown redacted; the page
 * never shows a saved token again.
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
        {props.hubspot.map((saved) => (
          <OwnerPicker key={`${saved.owner} ${saved.redacted}`} portal={saved.owner} chosen={props.hubspotOwners[saved.owner] ?? null} email={props.hubspotEmail} props={props} />
        ))}
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

/** "Name — email", the way the picker lists an owner. */
const ownerLabel = (o: HubSpotOwnerOption) => (o.email ? `${o.name} — ${o.email}` : o.name);

/**
 * Who the person is in one portal: a private app token does not say, so they pick themselves among the
 * portal's owners (listed through the background). When the owners cannot be listed, the reason is
 * shown and the login email is asked for instead.
 */
function OwnerPicker({ portal, chosen, email, props }: { portal: string; chosen: HubSpotOwnerOption | null; email: string; props: CredentialsProps }) {
  const id = useId();
  const [state, setState] = useState<{ kind: 'loading' } | { kind: 'ready'; owners: HubSpotOwnerOption[] } | { kind: 'error'; message: string }>({ kind: 'loading' });
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState(chosen?.id ?? '');
  const [message, setMessage] = useState<{ tone: 'ok' | 'risk'; text: string } | null>(null);
  const { onListHubSpotOwners } = props;

  // Listed once per portal shown (a new token for the portal remounts the picker, which lists again).
  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    void onListHubSpotOwners(portal).then((reply) => {
      if (live) setState('owners' in reply ? { kind: 'ready', owners: reply.owners } : { kind: 'error', message: reply.error });
    });
    return () => {
      live = false;
    };
  }, [portal, onListHubSpotOwners]);

  const shown = useMemo(() => {
    if (state.kind !== 'ready') return [];
    const needle = filter.trim().toLowerCase();
    const matching = needle ? state.owners.filter((o) => ownerLabel(o).toLowerCase().includes(needle)) : state.owners;
    // The saved choice stays listed whatever the filter, so the select never shows someone else.
    const current = state.owners.find((o) => o.id === selected);
    return current && !matching.includes(current) ? [current, ...matching] : matching;
  }, [state, filter, selected]);

  const save = async (event: Event) => {
    event.preventDefault();
    if (state.kind !== 'ready') return;
    const owner = state.owners.find((o) => o.id === selected);
    if (!owner) return setMessage({ tone: 'risk', text: 'Choose yourself in the list first.' });
    const error = await props.onSaveHubSpotOwner(portal, owner);
    setMessage(error ? { tone: 'risk', text: error } : { tone: 'ok', text: `Saved: Deal Coach treats you as ${owner.name} in portal ${portal}.` });
  };

  const heading = (
    <p class="dc-field__label" id={`${id}-h`}>
      Who are you in portal {portal}?{chosen ? ` Now: ${ownerLabel(chosen)}.` : ''}
    </p>
  );
  if (state.kind === 'loading') {
    return (
      <div class="dc-cred__form" role="group" aria-labelledby={`${id}-h`}>
        {heading}
        <p class="dc-field__help" role="status">
          Listing the portal’s owners…
        </p>
      </div>
    );
  }
  if (state.kind === 'error') {
    return (
      <div class="dc-cred__form" role="group" aria-labelledby={`${id}-h`}>
        {heading}
        <p class="dc-field__msg dc-tone-risk" role="alert">
          Could not list this portal’s owners: {state.message} Enter the email you sign in to HubSpot with instead.
        </p>
        <EmailField email={email} onSave={props.onSaveHubSpotEmail} />
      </div>
    );
  }
  return (
    <form class="dc-cred__form" aria-labelledby={`${id}-h`} onSubmit={(e) => void save(e)}>
      {heading}
      <label class="dc-field__label" for={`${id}-f`}>
        Find yourself
      </label>
      <input id={`${id}-f`} class="dc-field__input" type="search" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} placeholder="Name or email" autoComplete="off" spellcheck={false} />
      <label class="dc-field__label" for={`${id}-s`}>
        HubSpot owner ({shown.length} of {state.owners.length})
      </label>
      <select id={`${id}-s`} class="dc-field__input" value={selected} onChange={(e) => setSelected((e.currentTarget as HTMLSelectElement).value)} aria-describedby={`${id}-sh`}>
        <option value="">Choose yourself…</option>
        {shown.map((o) => (
          <option key={o.id} value={o.id}>
            {ownerLabel(o)}
          </option>
        ))}
      </select>
      <p id={`${id}-sh`} class="dc-field__help">
        A private app token does not say who you are: your win rate, cycle and review are read from this owner’s deals.
      </p>
      <div>
        <button type="submit" class="dc-btn">
          Save: this is me
        </button>
      </div>
      <p class={`dc-field__msg${message ? ` dc-tone-${message.tone}` : ''}`} role="status">
        {message?.text}
      </p>
    </form>
  );
}
