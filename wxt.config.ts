import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { CRM_API_HOSTS, CRM_PAGE_HOSTS } from './lib/crm/hosts';

const waitElementStub = fileURLToPath(new URL('./lib/platform/stubs/wait-element.ts', import.meta.url));

/**
 * The manifest lists only what the extension uses (DESIGN §9):
 * - storage: settings, the sidebar's collapsed state, known CRM connections, HubSpot/Pipedrive tokens (local only);
 * - alarms: the hourly refresh of cached deal history;
 * - cookies: the background reads one cookie, Salesforce's `sid` of the sender tab's own org API host
 *   (lib/platform/credentials/salesforce.ts), to call the REST API as the signed-in user;
 * - host permissions: the CRM pages the content script runs on (CRM_PAGE_HOSTS, the same list as its
 *   `matches` in entrypoints/crm.content; both in lib/crm/hosts.ts) plus the API hosts the background reads (CRM_API_HOSTS);
 * - optional host permissions: a custom CRM domain the person adds in Options, requested at runtime.
 * No "tabs", "scripting" or <all_urls>.
 */
const CRM_HOSTS = [...CRM_PAGE_HOSTS, ...CRM_API_HOSTS];

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
