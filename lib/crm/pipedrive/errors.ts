/**
 * Pipedrive error bodies: `{ "success": false, "error": "…", "error_info": "…", "errorCode": 401 }`.
 * A token problem is fixed in Deal Coach's options; 429 comes with the token-based rate limiter.
 */
import { CrmError } from '../types';
import type { ErrorClassifier } from '../shared/http';
import { asRecord, str } from '../shared/values';

export const LABEL = 'Pipedrive';

export const classifyPipedriveError: ErrorClassifier = (status, body) => {
  const said = str(asRecord(body).error);
  if (status === 401) {
    return new CrmError('not-configured', 'Pipedrive rejected the API token saved in Deal Coach (regenerated or mistyped). Paste your current token from Pipedrive → Personal preferences → API into Options → Connections → Pipedrive.', status);
  }
  if (status === 403) return new CrmError('forbidden', `Pipedrive refused access with your permissions${said ? ` ("${said}")` : ''}. Admin fix: your permission set needs API access and visibility of this deal.`, status);
  if (status === 404) return new CrmError('not-found', 'Pipedrive could not find this deal (it may have been deleted or archived, or you lack access).', status);
  if (status === 429) return new CrmError('rate-limited', 'Pipedrive asked us to slow down (API rate limit). Showing cached data.', status);
  if (status === 400) return new CrmError('server', `Pipedrive rejected Deal Coach's request (HTTP 400)${said ? `: "${said}"` : ''}.`, status);
  return null;
};
