import type { CrmErrorKind } from '../../lib/crm/types';
import { Icon } from '../icons';

const TITLES: Record<CrmErrorKind | 'internal', (crm: string) => string> = {
  'session-expired': (crm) => `Your ${crm} session has expired`,
  forbidden: () => 'No access to this deal',
  'not-found': (crm) => `${crm} could not find this deal`,
  'rate-limited': (crm) => `${crm} API limit reached`,
  server: (crm) => `${crm} answered with an error`,
  malformed: () => 'This deal could not be read',
  offline: () => 'You are offline',
  timeout: (crm) => `${crm} did not answer in time`,
  // Also a token the CRM rejected (revoked, regenerated): "not connected yet" would say it was never set up.
  'not-configured': (crm) => `Deal Coach is not connected to ${crm}`,
  internal: () => 'Deal Coach hit a problem',
};

/** A specific title for the failure and the caller's plain-words message, with a retry when the footer has no Refresh. */
export function ErrorState({ crmLabel, errorKind, message, onRetry }: { crmLabel: string; errorKind: CrmErrorKind | 'internal'; message: string; onRetry?: () => void }) {
  return (
    <div class="dc-callout dc-tone-risk dc-error" role="alert">
      <Icon name="risk" />
      <div>
        <p class="dc-error__title">{TITLES[errorKind](crmLabel)}</p>
        <p class="dc-error__msg">{message}</p>
        {onRetry && (
          <button type="button" class="dc-btn dc-error__retry" onClick={onRetry}>
            <Icon name="refresh" />
            Try again
          </button>
        )}
      </div>
    </div>
  );
}
