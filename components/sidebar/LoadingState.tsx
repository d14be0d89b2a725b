/** Skeleton of the deal view while the CRM is read; the status line is announced politely. */
export function LoadingState({ crmLabel }: { crmLabel: string }) {
  return (
    <div class="dc-loading">
      <p class="dc-loading__text" role="status">
        Reading this deal from {crmLabel}…
      </p>
      <div class="dc-loading__skel" aria-hidden="true">
        <span class="dc-skel" style={{ width: '30%', height: '16px' }} />
        <span class="dc-skel" style={{ width: '85%', height: '20px' }} />
        <span class="dc-skel" style={{ width: '55%' }} />
        <span class="dc-skel" style={{ width: '100%', height: '48px' }} />
        <span class="dc-skel" style={{ width: '40%', marginTop: '12px' }} />
        <span class="dc-skel" style={{ width: '100%', height: '36px' }} />
        <span class="dc-skel" style={{ width: '100%', height: '36px' }} />
        <span class="dc-skel" style={{ width: '100%', height: '36px' }} />
      </div>
    </div>
  );
}
