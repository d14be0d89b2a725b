import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../../lib/dates';
import { startDemoCrm, type DemoCrm } from '../../demo-crm/server';
import { post } from './io';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- loosely typed JSON in assertions
type Json = any;

const TODAY = '2026-03-10';
let crm: DemoCrm;

// Start-up time is a speed figure: it belongs in `npm run bench`, not in a test that a busy machine fails.
beforeAll(async () => {
  crm = await startDemoCrm({ today: TODAY, latencyMs: 0 });
});
afterAll(() => crm.close());
beforeEach(() => post(crm.url, '/__test/reset', {}));

async function get(pathAndQuery: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${crm.url}${pathAndQuery}`, { headers, redirect: 'manual' });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* text */
  }
  return { status: response.status, headers: response.headers, body: body as Json, text };
}

/** Every page of a list query, following `next`. */
async function allPages(query: string, headers: Record<string, string> = {}) {
  const results: Json[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await get(`/api/opportunities?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, headers);
    expect(page.status).toBe(200);
    results.push(...page.body.results);
    cursor = page.body.next;
    pages++;
  } while (cursor);
  return { results, pages };
}

describe('demo CRM server', () => {
  it('listens on loopback only', async () => {
    expect(crm.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await expect(startDemoCrm({ host: '0.0.0.0' })).rejects.toThrow(/loopback/);
  });

  it('redirects / to the list and serves the shell for list and record pages', async () => {
    const root = await get('/');
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/opportunities');
    for (const page of ['/opportunities', '/opportunities/DEMO-HEALTHY', '/opportunities/NO-SUCH-ID']) {
      const r = await get(page);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toMatch(/text\/html/);
      expect(r.text).toContain('<main data-view="loading"');
      expect(r.text).toContain('<script src="/static/app.js" defer></script>');
      expect(r.text).toMatch(/<option value="u-darcel-schlecht" selected>Darcel Schlecht<\/option>/);
    }
    expect((await get('/static/app.js')).headers.get('content-type')).toMatch(/javascript/);
    expect((await get('/static/app.css')).status).toBe(200);
    expect((await get('/nope')).status).toBe(404);
  });

  it('renders the light theme by default and the dark one on ?theme=dark, remembered in a cookie', async () => {
    expect((await get('/opportunities')).text).toContain('<html lang="en" data-theme="light">');
    const dark = await get('/opportunities/DEMO-STALE?theme=dark');
    expect(dark.text).toContain('data-theme="dark"');
    expect(dark.headers.get('set-cookie')).toMatch(/^demo_theme=dark;/);
    expect((await get('/opportunities', { Cookie: 'demo_theme=dark' })).text).toContain('data-theme="dark"');
  });

  it('renders data as text: the client never parses HTML', () => {
    const client = readFileSync(new URL('../../demo-crm/public/app.js', import.meta.url), 'utf8');
    expect(client).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/);
  });

  it('says who is signed in: X-Demo-User header, then the demo_user cookie, then Darcel Schlecht', async () => {
    expect((await get('/api/me')).body).toMatchObject({ id: 'u-darcel-schlecht', name: 'Darcel Schlecht', role: 'rep', team: [], manager: { name: 'Melvin Marxen' } });
    expect((await get('/api/me', { Cookie: 'demo_user=u-moses-frase' })).body.name).toBe('Moses Frase');
    expect((await get('/api/me', { Cookie: 'demo_user=Cara%20Losch' })).body).toMatchObject({ role: 'manager', team: expect.arrayContaining([{ id: 'u-garret-kinder', name: 'Garret Kinder' }]) });
    expect((await get('/api/me', { Cookie: 'demo_user=u-moses-frase', 'X-Demo-User': 'Melvin Marxen' })).body.name).toBe('Melvin Marxen');
    const unknown = await get('/api/me', { 'X-Demo-User': 'Nobody' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error).toBe('INVALID_SESSION');
    const users = (await get('/api/users')).body.results;
    expect(users.filter((u: Json) => u.role === 'rep')).toHaveLength(35);
    expect(users.filter((u: Json) => u.role === 'manager')).toHaveLength(6);
  });

  it('serves a full record with related lists and history', async () => {
    const r = await get('/api/opportunities/DEMO-STALE');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      id: 'DEMO-STALE',
      stage: 'Engaging',
      is_closed: false,
      is_won: false,
      amount: 5200,
      currency: 'USD',
      owner: { id: 'u-darcel-schlecht' },
      close_date: addDays(TODAY, 21),
    });
    expect(r.body.contact_roles).toHaveLength(3);
    expect(r.body.activities.length).toBeGreaterThan(3);
    expect(r.body.close_date_history).toHaveLength(3);
    expect(Object.keys(r.body.custom_fields)).toContain('qual_downside_no_purchase');
    const missing = await get('/api/opportunities/NOPE');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: 'NOT_FOUND', message: expect.stringContaining('NOPE') });
  });

  it('lists the signed-in user scope by default: a rep sees their deals, a manager their team', async () => {
    const mine = await get('/api/opportunities?state=open&limit=500');
    expect(mine.body.total).toBe(198);
    expect(mine.body.results.every((o: Json) => o.owner.name === 'Darcel Schlecht' && !o.is_closed)).toBe(true);
    const team = await get('/api/opportunities?state=open&limit=1', { 'X-Demo-User': 'Melvin Marxen' });
    expect(team.body.total).toBeGreaterThan(198);
  });

  it('pages with an opaque cursor until next is null, without gaps or repeats', async () => {
    const { results, pages } = await allPages('owner=u-darcel-schlecht&owner=Moses%20Frase&state=all&limit=150');
    const ids = results.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    const expected = crm.data.ids.filter((id) => ['u-darcel-schlecht', 'u-moses-frase'].includes(crm.data.summary(id)!.ownerId));
    expect(ids).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 150));
    expect(results[0]).not.toHaveProperty('contact_roles');
    const related = await get('/api/opportunities?owner=u-darcel-schlecht&limit=2&include=related');
    expect(related.body.results[0]).toHaveProperty('contact_roles');
    expect(related.body.results[0]).toHaveProperty('activities');
  });

  it('filters by state, search text and since, and sorts', async () => {
    const closed = await get('/api/opportunities?owner=u-darcel-schlecht&state=closed&limit=1');
    expect(closed.body.total).toBe(349 + 204);
    const search = await get('/api/opportunities?owner=u-darcel-schlecht&q=demo-');
    expect(search.body.results.map((o: Json) => o.id).sort()).toEqual(['DEMO-HEALTHY', 'DEMO-NODM', 'DEMO-STALE', 'DEMO-UNQUALIFIED']);
    const since = addDays(TODAY, -30);
    const recent = await allPages(`owner=u-darcel-schlecht&since=${since}&limit=500`);
    expect(recent.results.length).toBeGreaterThan(0);
    for (const o of recent.results) expect((o.is_closed ? o.closed_at : o.created_at.slice(0, 10)) >= since).toBe(true);
    const byClose = (await get('/api/opportunities?owner=u-darcel-schlecht&state=open&sort=close_date&limit=500')).body.results.map((o: Json) => o.close_date);
    expect(byClose).toEqual([...byClose].sort());
  });

  it('rejects bad list parameters with 400 and a code', async () => {
    for (const [query, code] of [
      ['owner=Nobody', 'UNKNOWN_OWNER'],
      ['state=won', 'INVALID_STATE'],
      ['cursor=garbage', 'INVALID_CURSOR'],
      ['limit=0', 'INVALID_LIMIT'],
      ['since=yesterday', 'INVALID_SINCE'],
      ['sort=color', 'INVALID_SORT'],
    ]) {
      const r = await get(`/api/opportunities?${query}`);
      expect(r.status, query).toBe(400);
      expect(r.body.error).toBe(code);
    }
    expect((await get('/api/opportunities?limit=10000')).body.results).toHaveLength(500);
  });

  it('gives previous/next ids in the signed-in user list', async () => {
    const list = (await get('/api/opportunities?state=open&sort=close_date&limit=500')).body.results.map((o: Json) => o.id);
    const at = list.indexOf('DEMO-HEALTHY');
    const n = (await get('/api/opportunities/DEMO-HEALTHY/neighbors?state=open&sort=close_date')).body;
    expect(n).toEqual({ previous_id: list[at - 1], next_id: list[at + 1], position: at + 1, total: list.length });
  });

  it('injects faults for a route prefix, a number of times, and counts requests per route', async () => {
    await post(crm.url, '/__test/faults', { route: '/api/opportunities/', status: 503, times: 2 });
    expect((await get('/api/opportunities/DEMO-STALE')).status).toBe(503);
    expect((await get('/api/opportunities/DEMO-NODM')).status).toBe(503);
    expect((await get('/api/opportunities/DEMO-NODM')).status).toBe(200);
    await post(crm.url, '/__test/faults', [
      { route: '/api/me', status: 200, body: '<html>login</html>' },
      { route: '/api/users', delayMs: 150, times: 1 },
    ]);
    const html = await get('/api/me');
    expect(html.status).toBe(200);
    expect(html.body).toBe('<html>login</html>');
    const t0 = performance.now();
    expect((await get('/api/users')).status).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
    const stats = (await get('/__test/stats')).body;
    expect(stats.routes).toEqual({ 'GET /api/opportunities/:id': 3, 'GET /api/me': 1, 'GET /api/users': 1 });
    expect(stats.paths['GET /api/opportunities/DEMO-NODM']).toBe(2);
    expect(stats.total).toBe(5);
  });

  it('can drop the connection to simulate a network failure', async () => {
    await post(crm.url, '/__test/faults', { route: '/api/me', drop: true, times: 1 });
    await expect(fetch(`${crm.url}/api/me`)).rejects.toThrow();
    expect((await get('/api/me')).status).toBe(200);
  });

  it('mutates a deal with field history, and reset restores it', async () => {
    const before = (await get('/api/opportunities/DEMO-HEALTHY')).body;
    const newClose = addDays(TODAY, 70);
    const after = (await post(crm.url, '/__test/mutate', { id: 'DEMO-HEALTHY', changes: { stage: 'Won', amount: 1500, close_date: newClose } })) as Json;
    expect(after).toMatchObject({ stage: 'Won', is_closed: true, is_won: true, amount: 1500, close_date: newClose, closed_at: TODAY });
    expect(after.stage_history.at(-1)).toMatchObject({ old_value: 'Engaging', new_value: 'Won' });
    expect(after.close_date_history.at(-1)).toMatchObject({ old_value: before.close_date, new_value: newClose });
    expect((await get('/api/opportunities/DEMO-HEALTHY')).body.stage).toBe('Won');
    expect((await get('/api/opportunities?state=open&q=DEMO-HEALTHY')).body.total).toBe(0);
    await post(crm.url, '/__test/reset', {});
    expect((await get('/api/opportunities/DEMO-HEALTHY')).body).toEqual(before);
    const bad = await fetch(`${crm.url}/__test/mutate`, { method: 'POST', body: JSON.stringify({ id: 'DEMO-HEALTHY', changes: { stage: 'Closed Won' } }) });
    expect(bad.status).toBe(400);
  });

  it('delays every API response by latencyMs, like a remote CRM', async () => {
    const slow = await startDemoCrm({ today: TODAY, latencyMs: 120 });
    try {
      const t0 = performance.now();
      await fetch(`${slow.url}/api/me`);
      expect(performance.now() - t0).toBeGreaterThanOrEqual(110);
    } finally {
      await slow.close();
    }
  });
});
