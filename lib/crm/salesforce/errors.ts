/**
 * Salesforce error bodies are `[{ "errorCode": "...", "message": "..." }]` (REST API "Status Codes and
 * Error Responses"). The words say what happened and, for access-control errors, what an admin changes.
 */
import { CrmError } from '../types';
import type { ErrorClassifier } from '../shared/http';
import { asArray, asRecord, str } from '../shared/values';

export const LABEL = 'Salesforce';

export function salesforceErrorCode(body: unknown): { code: string | null; message: string | null } {
  const first = asRecord(asArray(body)[0] ?? body);
  return { code: str(first.errorCode), message: str(first.message) };
}

const ACCESS_CONTROL_FIX =
  'Admin fix: if your org uses API Access Control (Setup > API Access Control, "limit API access to only allowlisted connected apps"), ' +
  'sessions from the Salesforce web app cannot call the API; allow it for Deal Coach users or turn that restriction off for them.';

export const classifySalesforceError: ErrorClassifier = (status, body) => {
  const { code, message } = salesforceErrorCode(body);
  const said = message ? ` Salesforce said: "${message}"` : '';
  switch (code) {
    case 'REQUEST_LIMIT_EXCEEDED':
      return new CrmError('rate-limited', `Your Salesforce org has used up its API request limit for now. Deal Coach pauses and shows cached data.${said}`, status);
    case 'API_DISABLED_FOR_ORG':
      return new CrmError(
        'forbidden',
        `Salesforce API access is not enabled for your org, so Deal Coach cannot read the opportunity. Admin fix: API access comes with Enterprise, Unlimited, Performance and Developer editions (Professional Edition needs it added by Salesforce); then give users the "API Enabled" permission.${said}`,
        status,
      );
    case 'API_CURRENTLY_DISABLED':
      return new CrmError('forbidden', `Your Salesforce user may not use the API. Admin fix: grant "API Enabled" in your profile or a permission set.${said}`, status);
    case 'INVALID_SESSION_ID':
      return new CrmError(
        'session-expired',
        `Salesforce says your session has expired or is not valid for the API. Reload your Salesforce tab and sign in again. If this persists right after a reload, your org probably restricts API access. ${ACCESS_CONTROL_FIX}`,
        status,
      );
    case 'OAUTH_APP_BLOCKED':
    case 'OAUTH_APP_ACCESS_DENIED':
      return new CrmError('forbidden', `Salesforce blocked API access from this browser session. ${ACCESS_CONTROL_FIX}${said}`, status);
    case 'INSUFFICIENT_ACCESS':
    case 'INSUFFICIENT_ACCESS_OR_READONLY':
      return new CrmError('forbidden', `Salesforce refused access to this opportunity with your permissions.${said}`, status);
    case 'NOT_FOUND':
    case 'ENTITY_IS_DELETED':
      return new CrmError('not-found', 'Salesforce could not find this opportunity (it may have been deleted or you lack access).', status);
    default:
      break;
  }
  if (message && /api access control|connected app/i.test(message)) {
    return new CrmError('forbidden', `Salesforce blocked API access from this browser session. ${ACCESS_CONTROL_FIX}${said}`, status);
  }
  if (status === 401) return new CrmError('session-expired', 'Salesforce says your session has expired. Reload your Salesforce tab and sign in again.', status);
  if (status === 400) return new CrmError('server', `Salesforce rejected Deal Coach's query (HTTP 400).${said}`, status);
  return null;
};
