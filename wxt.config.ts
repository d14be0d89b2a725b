import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The manifest lists only what the extension uses (DESIGN §9): storage for settings,
// alarms for the hourly history refresh, and the demo CRM's loopback host.
export default defineConfig({
  srcDir: '.',
  outDir: '.output',
  manifest: {
    name: 'Deal Coach',
    description: 'Coaching beside your CRM opportunity: qualification, stakeholders, cycle and push-rate risks.',
    permissions: ['storage', 'alarms'],
    host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'],
  },
  vite: () => ({
    plugins: [preact()],
  }),
});
