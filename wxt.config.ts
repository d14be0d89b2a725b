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
 * - optional host permissions: a custom CRM domain the person adds in Options (a self-hosted Tryton, often
 *   plain http on a LAN), requested one origin at a time at runtime;
 * - scripting: only `scripting.registerContentScripts` for those granted origins, so the same built
 *   content script runs there (lib/platform/content-scripts.ts); the manifest cannot list hosts not known
 *   at build time. `executeScript` only to inject our own /custom-crm.js (custom-CRM page reader and pick
 *   mode, entrypoints/custom-crm) into a custom CRM's tab, on a host already granted; never `insertCSS`.
 *   It grants no host access by itself.
 * No "tabs" or <all_urls>.
 */
const CRM_HOSTS = [...CRM_PAGE_HOSTS, ...CRM_API_HOSTS];

/**
 * E2E builds only (test/e2e/tryton/custom-origin.e2e.ts): extra hosts as REQUIRED host permissions
 * (a test cannot answer the browser's permission prompt), deliberately not in the content script's
 * `matches`, so only the runtime registration can bring the sidebar there. Comma-separated patterns
 * of single named hosts (`http://tryton-e2e.test/*`); anything else fails the build.
 */
const E2E_HOSTS = (process.env.DEAL_COACH_E2E_HOSTS ?? '')
  .split(',')
  .map((h) => h.trim())
  .filter(Boolean);
for (const host of E2E_HOSTS) if (!/^https?:\/\/[a-z0-9.-]+\/\*$/.test(host)) throw new Error(`DEAL_COACH_E2E_HOSTS: "${host}" is not a pattern like http://host.test/*`);

/**
 * The public half of the extension's signing key: it pins the extension id (see README) so admin
 * policy can name the extension (`3rdparty.extensions.<id>`) for an unpacked or self-hosted build.
 * The private key is not in the repository. (The policy e2e test loads a copy of the build under
 * a key of its own, so its policy file cannot touch any other run.)
 */
const MANIFEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAx4lsb+sU0HnG/r951cjMUgS8nLfSJB3xMYFiBsnWdOXSyI9FCKa6EgQbkBkyK/vbUbk94/b5NVaCNaXjqdI94Nzj1HXUE91iFyCGR4QbEURWi9AxIx80awrvPPiHM+9zK4Bke1SwrWFvtb/zVXLCWRxOjir+eDHhmRprUxzZm35MoSlmQTPx7Ug8GfaJBx5LARbvXyE0zEmGXZRp4b8tzyqfWNY/ltEwEsUSxoaTf+L6NdRlSs/7EA9nbW2E5//hrBPgOJnZsBP/ergIsKnRKvwtSsBSBSCE0xDFT3Fbyhb/Vj0RGhVevN0aj8jEJXClj522/ChVGlnS8TF2OezUTwIDAQAB';

export default defineConfig({
  srcDir: '.',
  // A separate output per checkout or engineer (DEAL_COACH_OUT) keeps parallel builds from colliding.
  outDir: process.env.DEAL_COACH_OUT ?? '.output',
  manifest: {
    name: 'Deal Coach',
    description: 'Coaching beside your CRM opportunity: qualification, stakeholders, cycle and push-rate risks.',
    permissions: ['storage', 'alarms', 'cookies', 'scripting'],
    host_permissions: [...CRM_HOSTS, ...E2E_HOSTS],
    // Custom CRM domains (a self-hosted Tryton, http or https): asked for one origin at a time from
    // Options, after a click; nothing is granted at install.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // The sidebar's stylesheet, which the content script fetches into its shadow root (WXT 'ui' mode),
    // on granted custom origins too (WXT lists it for the manifest's matches only). Only through the
    // per-session dynamic URL, so no site can probe for the extension by it.
    web_accessible_resources: [{ resources: ['content-scripts/crm.css'], matches: ['https://*/*', 'http://*/*'], use_dynamic_url: true }],
    action: { default_title: 'Deal Coach' },
    key: MANIFEST_KEY,
    // Admin policy (lib/platform/policy.ts): Chrome validates storage.managed against this schema.
    storage: { managed_schema: 'managed-schema.json' },
  },
  hooks: {
    // `key` is Chrome's: Firefox warns on it (its id comes from browser_specific_settings).
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser === 'firefox') delete manifest.key;
    },
  },
  vite: () => ({
    plugins: [preact()],
    resolve: {
      // Only WXT's ui.autoMount() uses it, and we do not: see the stub (content-script budget, DESIGN §8).
      alias: [{ find: /^@1natsu\/wait-element(\/detectors)?$/, replacement: waitElementStub }],
    },
  }),
});
