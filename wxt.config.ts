import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

const waitElementStub = fileURLToPath(new URL('./lib/platform/stubs/wait-element.ts', import.meta.url));

/**
 * The manifest lists only what the extension uses (DESIGN §9):
 * - storage: settings, the sidebar's collapsed state, known CRM connections;
 * - alarms: the hourly refresh of cached deal history;
 * - host permissions: the CRM hosts the content script runs on and reads from
 *   (the demo CRM's loopback hosts for now; each CRM adds its own, like its content-script matches).
 * No "tabs", "scripting", "cookies" or <all_urls>.
 */
export const CRM_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  srcDir: '.',
  // A separate output per checkout or engineer (DEAL_COACH_OUT) keeps parallel builds from colliding.
  outDir: process.env.DEAL_COACH_OUT ?? '.output',
  manifest: {
    name: 'Deal Coach',
    description: 'Coaching beside your CRM opportunity: qualification, stakeholders, cycle and push-rate risks.',
    permissions: ['storage', 'alarms'],
    host_permissions: CRM_HOSTS,
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
