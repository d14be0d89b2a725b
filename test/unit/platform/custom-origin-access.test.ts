/**
 * The background's checks on a custom CRM origin (a Tryton at http://crm.lan:8000 named in options):
 * a content script there is accepted, and Tryton's io goes through that tab to that origin only.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const sent: Array<{ url: string; tabId: number }> = [];
vi.mock('../../../lib/platform/messaging', () => ({
  backgroundMessenger: { sendMessage: vi.fn(), onMessage: vi.fn() },
  tabMessenger: {
    sendMessage: vi.fn(async (_name: string, data: { url: string }, target: { tabId: number }) => {
      sent.push({ url: data.url, tabId: target.tabId });
      return { kind: 'response', status: 200, headers: { 'content-type': 'application/json' }, body: { id: 1, result: [] } };
    }),
  },
}));

// No extension storage in Node: crm-access's items (API usage, HubSpot email) are not read by a Tryton io.
vi.mock('wxt/utils/storage', () => ({
  storage: { defineItem: () => ({ getValue: async () => ({}), setValue: async () => undefined, watch: () => () => undefined }) },
}));

const { createCrmAccess } = await import('../../../lib/platform/crm-access');
const { checkSameOrigin, checkSender } = await import('../../../lib/platform/guards');
const { adapterFor } = await import('../../../lib/crm/registry');
const { activeCustomOrigins, parseCustomOrigins } = await import('../../../lib/platform/custom-origins');

const ORIGIN = 'http://crm.lan:8000';
const RECORD = `${ORIGIN}/#dealcoach/model/sale.opportunity/24`;
const own = { id: 'ext-id', origin: 'chrome-extension://ext-id/' };
const custom = activeCustomOrigins(parseCustomOrigins({ [ORIGIN]: { crm: 'tryton' } }), ['http://crm.lan/*']);

beforeEach(() => void sent.splice(0));

describe('sender checks on a custom origin', () => {
  it('accepts the top frame of a tab on the custom origin and asks only about that origin', () => {
    const sender = { id: 'ext-id', url: RECORD, frameId: 0, tab: { id: 7, url: RECORD } };
    expect(checkSender(sender, own, ['content-script'])).toEqual({ ok: true, kind: 'content-script', tabId: 7 });
    expect(checkSameOrigin(RECORD, sender)).toEqual({ ok: true, origin: ORIGIN });
    expect(checkSameOrigin('http://crm.lan:9000/#dealcoach/model/sale.opportunity/24', sender).ok).toBe(false);
    expect(checkSameOrigin('http://other.lan:8000/#dealcoach/model/sale.opportunity/24', sender).ok).toBe(false);
  });
  it('refuses its sub-frames and other extensions', () => {
    expect(checkSender({ id: 'ext-id', url: RECORD, frameId: 3, tab: { id: 7, url: RECORD } }, own, ['content-script']).ok).toBe(false);
    expect(checkSender({ id: 'other', url: RECORD, frameId: 0, tab: { id: 7, url: RECORD } }, own, ['content-script']).ok).toBe(false);
  });
});

describe("Tryton's page io on a custom origin", () => {
  const match = adapterFor(RECORD, null, custom)!;
  const access = createCrmAccess({ cache: { addUsage: async () => undefined }, now: () => 0 });
  const io = access.ioFor(match.adapter, { crm: match.ref.crm, instance: match.ref.instance, pageOrigin: ORIGIN, tabUrl: RECORD }, 7)!;

  it('sends requests for the custom origin through the sender tab', async () => {
    expect(match.adapter.transport).toBe('page');
    await io(`${ORIGIN}/dealcoach/`, { method: 'POST', body: '{}' });
    await io('/dealcoach/', { method: 'POST', body: '{}' });
    expect(sent).toEqual([
      { url: `${ORIGIN}/dealcoach/`, tabId: 7 },
      { url: `${ORIGIN}/dealcoach/`, tabId: 7 },
    ]);
  });
  it('refuses every other origin before asking the tab', async () => {
    for (const url of ['http://crm.lan:9000/dealcoach/', 'https://crm.lan:8000/dealcoach/', 'http://crm.lan.evil.test:8000/dealcoach/', 'http://127.0.0.1:8000/dealcoach/', '//evil.test/x']) {
      await expect(io(url, { method: 'POST', body: '{}' }), url).rejects.toMatchObject({ kind: 'forbidden' });
    }
    expect(sent).toEqual([]);
  });
});
