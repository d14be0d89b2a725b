/**
 * "Who am I" in HubSpot, background side: the options page's owner list (the saved token's region
 * picks the API host; sorted by name; failures in words), and the cached user giving way at once to
 * the owner picked in options.
 */
import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';

vi.mock('../../../lib/platform/messaging', () => ({ backgroundMessenger: { sendMessage: vi.fn(), onMessage: vi.fn() }, tabMessenger: { sendMessage: vi.fn() } }));
vi.mock('wxt/utils/storage', () => ({
  storage: { defineItem: () => ({ getValue: async () => ({}), setValue: async () => undefined, watch: () => () => undefined }) },
}));

const { listOwners } = await import('../../../lib/platform/hubspot-owners');
const { portalOfInstance } = await import('../../../lib/platform/hubspot-owner-choice');
const { createRepository } = await import('../../../lib/platform/repository');
const { recordedIo } = await import('../../../lib/crm/shared/recorded-io');
import type { IoTarget } from '../../../lib/platform/crm-io';
import type { Cache, UserEntry } from '../../../lib/platform/cache';
import type { CrmAdapter, CrmFetch, WhoAmIHint } from '../../../lib/crm/types';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/hubspot/${name}`, import.meta.url), 'utf8'));
const reversed = () => {
  const owners = fixture('owners.json') as { results: unknown[] };
  return { results: [...owners.results].reverse() };
};

describe('listOwners (options → background)', () => {
  it('asks the API host the saved token belongs to, and sorts the owners by name', async () => {
    const targets: IoTarget[] = [];
    const { io, requests } = recordedIo([{ url: 'https://api-eu1.hubapi.com/crm/v3/owners?limit=500', body: reversed() }]);
    const reply = await listOwners('143641506', {
      // An EU token: only the EU API host may receive it.
      tokenFor: async (_tab, url) => url.startsWith('https://api-eu1.hubapi.com/'),
      ioFor: (_adapter, at) => (targets.push(at), io),
    });
    expect(reply).toEqual({
      kind: 'ready',
      instance: 'api-eu1.hubapi.com/143641506',
      owners: [
        { id: '81234567', name: 'Riley Chen', email: 'riley.chen@contoso-sales.example' },
        { id: '81234568', name: 'Sam Ortiz', email: 'sam.ortiz@contoso-sales.example' },
      ],
    });
    expect(requests).toHaveLength(1);
    expect(targets).toEqual([{ crm: 'hubspot', instance: 'api-eu1.hubapi.com/143641506', pageOrigin: 'https://app-eu1.hubspot.com', tabUrl: 'https://app-eu1.hubspot.com/contacts/143641506/' }]);
  });

  it('says plainly why the owners could not be listed, and sends nothing without a token', async () => {
    const { io } = recordedIo([{ url: 'https://api.hubapi.com/crm/v3/owners?limit=500', status: 403, body: fixture('error-403-scopes.json') }]);
    const refused = await listOwners('20417345', { tokenFor: async (_t, url) => url.startsWith('https://api.hubapi.com/'), ioFor: () => io });
    expect(refused).toMatchObject({ kind: 'error', errorKind: 'forbidden' });
    expect((refused as { message: string }).message).toMatch(/crm\.objects\.owners\.read/);
    const ioFor = vi.fn((): CrmFetch => io);
    expect(await listOwners('20417345', { tokenFor: async () => false, ioFor })).toMatchObject({ kind: 'error', errorKind: 'not-configured', message: expect.stringMatching(/No HubSpot private app token/) });
    expect(ioFor).not.toHaveBeenCalled();
  });

  it('knows the portal of an instance', () => {
    expect(portalOfInstance('api.hubapi.com/20417345')).toBe('20417345');
    expect(portalOfInstance('acme.pipedrive.com')).toBeNull();
  });
});

describe('the signed-in HubSpot user', () => {
  it('is read again at once when the owner picked in options is not the cached user', async () => {
    const users = new Map<string, UserEntry>();
    const cache = { getUser: async (k: string) => users.get(k), putUser: async (e: UserEntry) => void users.set(e.key, e) } as unknown as Cache;
    let hint: WhoAmIHint = { ownerId: '81234567' };
    const whoAmI = vi.fn(async (_at: unknown, _io: unknown, h?: WhoAmIHint) => ({ id: h!.ownerId!, name: h!.ownerId === '81234567' ? 'Riley Chen' : 'Sam Ortiz', teamOwnerIds: [] }));
    const adapter = { id: 'hubspot', label: 'HubSpot', whoAmI } as unknown as CrmAdapter;
    const repo = createRepository({ cache, now: () => Date.parse('2026-01-25T12:00:00Z'), whoAmIHint: async () => hint });
    const at = { crm: 'hubspot', instance: 'api.hubapi.com/20417345', url: 'https://app.hubspot.com' };
    const io: CrmFetch = async () => ({ status: 200, headers: {}, body: {} });
    expect((await repo.user(adapter, at, io))?.user.name).toBe('Riley Chen');
    expect((await repo.user(adapter, at, io))?.user.name).toBe('Riley Chen');
    expect(whoAmI).toHaveBeenCalledTimes(1); // cached for the hour
    hint = { ownerId: '81234568' };
    expect((await repo.user(adapter, at, io))?.user.name).toBe('Sam Ortiz');
    expect(whoAmI).toHaveBeenCalledTimes(2);
  });
});
