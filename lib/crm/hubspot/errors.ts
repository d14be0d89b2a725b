/**
 * HubSpot error bodies: `{ "status": "error", "message": "…", "category": "INVALID_AUTHENTICATION" |
 * "MISSING_SCOPES" | "RATE_LIMITS" | "OBJECT_NOT_FOUND" | …, "correlationId": "…" }`.
 * A token problem is fixed in Deal Coach's options, not by reloading the HubSpot tab.
 */
import { CrmError } from '../types';
import type { ErrorClassifier } from '../shared/http';
import { asRecord, str } from '../shared/values';

export const LABEL = 'HubSpot';

export const REQUIRED_SCOPES = ['crm.objects.deals.read', 'crm.objects.contacts.read', 'crm.objects.companies.read', 'crm.objects.owners.read', 'crm.schemas.deals.read', 'sales-email-read'];

export const classifyHubSpotError: ErrorClassifier = (status, body) => {
  const b = asRecord(body);
  const category = str(b.category);
  const message = str(b.message);
  if (status === 401 || category === 'INVALID_AUTHENTICATION') {
    return new CrmError('not-configured', 'HubSpot rejected the private app token saved in Deal Coach (revoked, expired or mistyped). Paste a current token in Options → Connections → HubSpot.', status);
  }
  if (category === 'MISSING_SCOPES' || status === 403) {
    return new CrmError(
      'forbidden',
      `HubSpot refused: the private app token lacks a permission${message ? ` ("${message}")` : ''}. Admin fix: in HubSpot Settings → Integrations → Private Apps, give the app these read scopes: ${REQUIRED_SCOPES.join(', ')}.`,
      status,
    );
  }
  if (status === 429 || category === 'RATE_LIMITS') return new CrmError('rate-limited', 'HubSpot asked us to slow down (API rate limit). Showing cached data.', status);
  if (status === 404 || category === 'OBJECT_NOT_FOUND') return new CrmError('not-found', 'HubSpot could not find this deal (it may have been deleted, or it belongs to another portal).', status);
  if (status === 400) return new CrmError('server', `HubSpot rejected Deal Coach's request (HTTP 400)${message ? `: "${message}"` : ''}.`, status);
  return null;
};
