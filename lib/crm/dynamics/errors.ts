/**
 * Dataverse errors are `{ "error": { "code": "0x80040220", "message": "…" } }` (Web API "Handle errors").
 * The page's own session is used, so an expired session shows up as 401 or as the sign-in page.
 */
import { CrmError } from '../types';
import type { ErrorClassifier } from '../shared/http';
import { asRecord, str } from '../shared/values';

export const LABEL = 'Dynamics 365';

export const classifyDynamicsError: ErrorClassifier = (status, body) => {
  const error = asRecord(asRecord(body).error);
  const message = str(error.message);
  const said = message ? ` Dynamics 365 said: "${message}"` : '';
  if (status === 401) return new CrmError('session-expired', 'Dynamics 365 says your session has expired. Reload your Dynamics 365 tab and sign in again.', status);
  if (status === 403) {
    return new CrmError(
      'forbidden',
      `Dynamics 365 refused the request with your security role.${said} Admin fix: the role needs Read on Opportunity, Connection and Activity (and "View Audit History" for pushes).`,
      status,
    );
  }
  if (status === 404) return new CrmError('not-found', 'Dynamics 365 could not find this opportunity (it may have been deleted or you lack access).', status);
  if (status === 429) return new CrmError('rate-limited', `Dynamics 365 asked us to slow down (service protection limit). Showing cached data.${said}`, status);
  if (status === 400) return new CrmError('server', `Dynamics 365 rejected Deal Coach's query (HTTP 400).${said}`, status);
  return null;
};

/** A 2xx answer that is HTML is the sign-in page the session was redirected to. */
export function signInPageError(): CrmError {
  return new CrmError('session-expired', 'Dynamics 365 answered with its sign-in page: your session has expired. Reload your Dynamics 365 tab and sign in again.');
}
