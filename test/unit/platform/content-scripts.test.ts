/** syncGrantedContentScripts against a fake `browser`: the registration follows the granted permissions, once. */
import { describe, expect, it, vi } from 'vitest';

const state = { origins: [] as string[], scripts: [] as Array<{ id: string; js?: string[]; matches?: string[]; runAt?: string; persistAcrossSessions?: boolean }>, calls: [] as string[] };
vi.mock('wxt/browser', () => ({
  browser: {
    runtime: { getManifest: () => ({ content_scripts: [{ matches: ['http://127.0.0.1/*'], js: ['content-scripts/crm.js'], run_at: 'document_idle' }] }) },
    permissions: { getAll: async () => ({ origins: [...state.origins] }) },
    scripting: {
      getRegisteredContentScripts: async () => state.scripts.map((s) => ({ ...s })),
      registerContentScripts: async (scripts: typeof state.scripts) => {
        state.calls.push('register');
        for (const s of scripts) {
          if (state.scripts.some((x) => x.id === s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          state.scripts.push(s);
        }
      },
      updateContentScripts: async (scripts: typeof state.scripts) => {
        state.calls.push('update');
        state.scripts = state.scripts.map((x) => scripts.find((s) => s.id === x.id) ?? x);
      },
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
        state.calls.push('unregister');
        state.scripts = state.scripts.filter((x) => !ids.includes(x.id));
      },
    },
  },
}));
vi.mock('wxt/utils/storage', () => ({ storage: { defineItem: () => ({ getValue: async () => ({}), setValue: async () => undefined, watch: () => () => undefined }) } }));

const { syncGrantedContentScripts } = await import('../../../lib/platform/content-scripts');

describe('syncGrantedContentScripts', () => {
  it('registers on a grant, does nothing when repeated (even concurrently), updates and unregisters as permissions go', async () => {
    state.origins = ['http://127.0.0.1/*', 'https://*.pipedrive.com/*'];
    expect((await syncGrantedContentScripts()).kind).toBe('none');

    state.origins.push('http://crm.lan/*');
    await Promise.all([syncGrantedContentScripts(), syncGrantedContentScripts(), syncGrantedContentScripts()]);
    expect(state.calls).toEqual(['register']);
    expect(state.scripts).toEqual([{ id: 'deal-coach-crm-custom-origins', js: ['content-scripts/crm.js'], matches: ['http://crm.lan/*'], runAt: 'document_idle', persistAcrossSessions: true }]);

    state.origins.push('https://erp.example.com/*');
    await syncGrantedContentScripts();
    expect(state.scripts[0]!.matches).toEqual(['http://crm.lan/*', 'https://erp.example.com/*']);

    state.origins = state.origins.filter((o) => o !== 'http://crm.lan/*' && o !== 'https://erp.example.com/*');
    await syncGrantedContentScripts();
    await syncGrantedContentScripts();
    expect(state.calls).toEqual(['register', 'update', 'unregister']);
    expect(state.scripts).toEqual([]);
  });
});
