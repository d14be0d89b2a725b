import { useEffect, useId, useRef, useState } from 'preact/hooks';

type Step = { kind: 'idle' } | { kind: 'confirm' } | { kind: 'deleting' } | { kind: 'done' } | { kind: 'failed'; message: string };

/** What is kept in this browser, and "Delete all local data" with a confirm step. */
export function PrivacySection({ onDeleteAllData }: { onDeleteAllData(): Promise<void> }) {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const headingId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const resultRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (step.kind === 'confirm') cancelRef.current?.focus();
    if (step.kind === 'done' || step.kind === 'failed') resultRef.current?.focus();
  }, [step.kind]);

  const remove = async () => {
    setStep({ kind: 'deleting' });
    try {
      await onDeleteAllData();
      setStep({ kind: 'done' });
    } catch (e) {
      setStep({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <section class="dc-opt-section dc-privacy" aria-labelledby={headingId}>
      <h2 id={headingId} class="dc-opt-h">
        Data &amp; privacy
      </h2>
      <p class="dc-opt-lead">Deal Coach reads your CRM with your own session and keeps what it read only in this browser:</p>
      <ul class="dc-bullets">
        <li>
          <strong>Deals you opened</strong>, your and your team’s <strong>pipeline history</strong> and <strong>review snapshots</strong>, cached so the sidebar opens quickly and your CRM’s API limits are respected.
        </li>
        <li>
          <strong>Benchmarks</strong> computed from that history: typical cycle, time in stage, win rates.
        </li>
        <li>
          <strong>Your settings</strong> on this page, the <strong>access tokens</strong> you saved, your <strong>CRM connections</strong> (which CRMs, who you are signed in as, last sync) and a <strong>count of API calls</strong> per CRM and day.
        </li>
      </ul>
      <p class="dc-opt-lead">It never writes to your CRM.</p>

      <div class="dc-danger">
        {step.kind === 'idle' && (
          <button type="button" class="dc-btn dc-btn--danger-outline" onClick={() => setStep({ kind: 'confirm' })}>
            Delete all local data
          </button>
        )}
        {(step.kind === 'confirm' || step.kind === 'deleting') && (
          <div class="dc-confirm" role="group" aria-label="Confirm deletion">
            <p class="dc-confirm__q">Delete everything Deal Coach keeps in this browser: cached deals, history, review snapshots and usage counts, your settings, saved access tokens and CRM connections?</p>
            <p class="dc-muted">Your CRM is not changed. Settings go back to their defaults (settings fixed by your admin stay), and tokens must be entered again. Deal Coach reads fresh data the next time you open a deal.</p>
            <div class="dc-confirm__actions">
              <button type="button" class="dc-btn dc-btn--danger" disabled={step.kind === 'deleting'} onClick={() => void remove()}>
                {step.kind === 'deleting' ? 'Deleting…' : 'Yes, delete'}
              </button>
              <button ref={cancelRef} type="button" class="dc-btn" disabled={step.kind === 'deleting'} onClick={() => setStep({ kind: 'idle' })}>
                Cancel
              </button>
            </div>
          </div>
        )}
        {step.kind === 'done' && (
          <p ref={resultRef} tabIndex={-1} class="dc-callout dc-tone-ok" role="status">
            <span>
              <strong>All local data deleted</strong>: cache, settings, tokens and connections. Deal Coach will read fresh from your CRM the next time you open a deal.
            </span>
          </p>
        )}
        {step.kind === 'failed' && (
          <div ref={resultRef} tabIndex={-1} class="dc-callout dc-tone-risk" role="alert">
            <span>
              <strong>Local data could not be deleted.</strong> {step.message}{' '}
              <button type="button" class="dc-link" onClick={() => setStep({ kind: 'confirm' })}>
                Try again
              </button>
            </span>
          </div>
        )}
      </div>
    </section>
  );
}
