/**
 * The CRM hosts Deal Coach runs on and reads from, in one place: the manifest's host permissions
 * (wxt.config.ts) and the content script's `matches` both come from here, so they cannot drift.
 */
export const CRM_PAGE_HOSTS = [
  // Demo CRM (loopback).
  'http://127.0.0.1/*',
  'http://localhost/*',
  // Salesforce Lightning: <mydomain>[.<partition>].lightning.force.com (production, sandbox, develop, scratch, …).
  'https://*.lightning.force.com/*',
  // HubSpot app (US and EU data centres).
  'https://app.hubspot.com/*',
  'https://app-eu1.hubspot.com/*',
  // Pipedrive company domains; the API is on the same host.
  'https://*.pipedrive.com/*',
  // Dynamics 365: <org>.crm<N>.dynamics.com. A match pattern cannot say "crm + digits" and Microsoft adds
  // regions (crm, crm2 … crm21 today), so the whole domain; the adapter's matcher accepts only opportunity forms on <org>.crm<N>.
  'https://*.dynamics.com/*',
];
/** API hosts only the background calls: Salesforce REST on the org's My Domain, HubSpot's public API. */
export const CRM_API_HOSTS = ['https://*.my.salesforce.com/*', 'https://api.hubapi.com/*', 'https://api-eu1.hubapi.com/*'];
