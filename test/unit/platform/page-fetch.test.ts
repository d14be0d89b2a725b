import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageFetch } from '../../../lib/platform/page-fetch';

let server: Server;
let origin: string;
const seen: Array<{ url: string; xrw: string | undefined }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', xrw: req.headers['x-requested-with'] as string | undefined });
    if (req.url === '/api/me') {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'x-demo': 'yes' });
      res.end(JSON.stringify({ id: 'u1', name: 'Darcel Schlecht' }));
    } else if (req.url === '/login-redirect') {
      res.writeHead(302, { location: '/login' });
      res.end();
    } else if (req.url === '/slow') {
      // never answers within the test's abort
    } else {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('boom');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('pageFetch (page transport, content side)', () => {
  it('fetches same-origin with X-Requested-With and parses JSON', async () => {
    const reply = await pageFetch({ url: `${origin}/api/me` }, `${origin}/opportunities/X`);
    expect(reply).toMatchObject({ kind: 'response', status: 200, body: { id: 'u1', name: 'Darcel Schlecht' } });
    expect(reply.kind === 'response' && reply.headers['x-demo']).toBe('yes');
    expect(seen.at(-1)).toEqual({ url: '/api/me', xrw: 'XMLHttpRequest' });
  });

  it('resolves relative URLs against the page and keeps non-JSON bodies as text', async () => {
    expect(await pageFetch({ url: '/nope' }, `${origin}/opportunities/X`)).toMatchObject({ kind: 'response', status: 500, body: 'boom' });
  });

  it.each([
    ['another port', (o: string) => o.replace(/:\d+$/, ':1')],
    ['another host', (o: string) => o.replace('127.0.0.1', 'localhost')],
    ['another site', () => 'https://example.com'],
  ])('refuses %s without sending anything', async (_, other) => {
    const before = seen.length;
    const reply = await pageFetch({ url: `${other(origin)}/api/me` }, `${origin}/opportunities/X`);
    expect(reply).toMatchObject({ kind: 'error', errorKind: 'refused' });
    expect(seen.length).toBe(before);
  });

  it('reports an abort as an error reply, not an exception', async () => {
    const controller = new AbortController();
    const pending = pageFetch({ url: `${origin}/slow` }, `${origin}/`, controller.signal);
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toMatchObject({ kind: 'error', errorKind: 'offline' });
  });
});
