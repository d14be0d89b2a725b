import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

const waitElementStub = fileURLToPath(new URL('./lib/platform/stubs/wait-element.ts', import.meta.url));

/**
 * The manifest lists only what the extension uses (DESIGN §9):
 * - storage: settings, the sidebar's collapsed state, known CRM connections, HubSpot/Pipedrive tokens (local only);
 * - alarms: the hourly refresh of cached deal history;
 * - cookies: the background reads one cookie, Salesforce's `sid` of the sender tab's own org API host
 *   (lib/platform/credentials/salesforce.ts), to call the REST API as the signed-in user;
 * - host permissions: the CRM pages the content script runs on (CRM_PAGE_HOSTS, the same list as its
 *   `matches` in entrypoints/crm.content) plus the API hosts the background reads (CRM_API_HOSTS);
 * - optional host permissions: a custom CRM domain the person adds in Options, requested at runtime.
 * No "tabs", "scripting" or <all_urls>.
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
export const CRM_HOSTS = [...CRM_PAGE_HOSTS, ...CRM_API_HOSTS];

export default defineConfig({
  srcDir: '.',
  // A separate output per checkout or engineer (DEAL_COACH_OUT) keeps parallel builds from colliding.
  outDir: process.env.DEAL_COACH_OUT ?? '.output',
  manifest: {
    name: 'Deal Coach',
    description: 'Coaching beside your CRM opportunity: qualification, stakeholders, cycle and push-rate risks.',
    permissions: ['storage', 'alarms', 'cookies'],
    host_permissions: CRM_HOSTS,
    // Custom CRM domains (a Salesforce My Domain on its own host, Dynamics on-premises): asked for one
    // origin at a time from Options, after a click; nothing is granted at install.
    optional_host_permissions: ['https://*/*'],
    action: { default_title: 'Deal Coach' },
  },
  vite: () => ({
    plugins: [preact()],
    resolve: {
      // Only WXT's ui.autoMount() uses it, and we do not: see the stub (content-script budget, DESIGN §8).
      alias: [{ find: /^@1natsu\/wait-element(\/detectors)?$/, replacement: waitElementStub }],
    },
  }),
});
