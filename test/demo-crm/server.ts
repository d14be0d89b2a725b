/**
 * Demo CRM: a small local CRM (pages + JSON API) over the Maven dataset, for `npm run demo` and e2e tests.
 *   npx tsx test/demo-crm/server.ts --port 4300 [--today 2026-03-10] [--seed x] [--latency 100]
 * In tests: `const crm = await startDemoCrm({ port: 0, latencyMs: 0 }); ...; await crm.close();`
 * See README.md for routes, data and the showcase deals.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isValidDate } from '../../lib/dates';
import type { IsoDate } from '../../lib/model';
import { handleApi, signedInUser } from './api-routes';
import { buildDemoData, type DemoCrmData } from './data';
import { cookies, sendError, sendText, sleep } from './http-util';
import { renderShell, type Theme } from './pages';
import { TestControl } from './test-control';

export type { DemoCrmData } from './data';
export { SHOWCASE_IDS, SHOWCASE_OWNER } from './showcase';

export interface DemoCrmOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Loopback only: 127.0.0.1 (default), localhost or ::1. */
  host?: string;
  /** `YYYY-MM-DD`, default the current UTC date; the dataset ends 3 days before it. */
  today?: IsoDate;
  seed?: string | number;
  /** Added to every /api response, so the pages behave like a remote SPA (default 100 ms). */
  latencyMs?: number;
  /** Maven CSV folder; default $DEMO_CRM_DATA or ../shared/datasets/maven-crm beside the repo. */
  dataDir?: string;
  /**
   * Record pages render like Salesforce Lightning (thousands of nodes: highlights panel, related
   * lists, activity timeline, progressive rendering and client work per navigation), for the
   * main-thread benchmark (DESIGN §8 "on a heavy page"). Per browser also `?heavy=1` (cookie).
   */
  heavy?: boolean;
}

export interface DemoCrm {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  data: DemoCrmData;
  close(): Promise<void>;
}

export const DEFAULT_LATENCY_MS = 100;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);
const PUBLIC_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'public');
const STATIC: Record<string, { file: string; type: string }> = {
  '/static/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/static/app.css': { file: 'app.css', type: 'text/css; charset=utf-8' },
};

export async function startDemoCrm(options: DemoCrmOptions = {}): Promise<DemoCrm> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) throw new Error(`The demo CRM binds to loopback only, not ${host}.`);
  if (options.today !== undefined && !isValidDate(options.today)) throw new Error(`today must be YYYY-MM-DD, not ${options.today}`);
  const data = buildDemoData({ today: options.today, seed: options.seed, dataDir: options.dataDir });
  const latencyMs = options.latencyMs ?? DEFAULT_LATENCY_MS;
  const control = new TestControl(data);
  const assets = Object.fromEntries(Object.entries(STATIC).map(([route, a]) => [route, { ...a, body: readFileSync(path.join(PUBLIC_DIR, a.file), 'utf8') }]));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://demo.invalid');
    const p = url.pathname;
    control.count(req.method ?? 'GET', p);
    if (p.startsWith('/__test/')) return control.handle(req, res, p);
    if (await control.applyFault(req, res, p)) return;
    const asset = assets[p];
    if (asset && req.method === 'GET') return sendText(res, 200, asset.body, asset.type);
    if (p.startsWith('/api/')) {
      if (latencyMs > 0) await sleep(latencyMs);
      return handleApi(req, res, url, data);
    }
    if (req.method !== 'GET') return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'Pages are GET only.');
    if (p === '/') {
      res.writeHead(302, { Location: `/opportunities${url.search}` });
      return void res.end();
    }
    if (p === '/opportunities' || p === '/opportunities/' || /^\/opportunities\/[^/]+\/?$/.test(p)) {
      const themeParam = url.searchParams.get('theme');
      const theme: Theme = themeParam === 'dark' || themeParam === 'light' ? themeParam : cookies(req).demo_theme === 'dark' ? 'dark' : 'light';
      const signedIn = signedInUser(req, data);
      const heavyParam = url.searchParams.get('heavy');
      const heavy = heavyParam !== null ? heavyParam === '1' : (options.heavy ?? cookies(req).demo_heavy === '1');
      const setCookies = [
        ...(themeParam === theme ? [`demo_theme=${theme}; Path=/; SameSite=Lax`] : []),
        ...(heavyParam !== null ? [`demo_heavy=${heavy ? '1' : '0'}; Path=/; SameSite=Lax`] : []),
      ];
      const headers: Record<string, string | string[]> = setCookies.length ? { 'Set-Cookie': setCookies } : {};
      return sendText(res, 200, renderShell(data, 'user' in signedIn ? signedIn.user : null, theme, heavy), 'text/html; charset=utf-8', headers);
    }
    sendText(res, 404, 'Not found', 'text/plain; charset=utf-8');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 500, 'INTERNAL', error instanceof Error ? error.message : String(error));
      else res.destroy();
    });
  });
  // Keep idle sockets longer than clients do (undici: 4 s). Otherwise, when the event loop was busy
  // (a test mapping every record in-process), both idle timers fire at once and a client can reuse a
  // socket the server is closing: ECONNRESET.
  server.keepAliveTimeout = 60_000;
  server.headersTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host === '::1' ? '[::1]' : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    data,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(args: string[]): Promise<void> {
  const started = performance.now();
  const latency = argValue(args, 'latency');
  const crm = await startDemoCrm({
    port: Number(argValue(args, 'port') ?? 4300),
    today: argValue(args, 'today'),
    seed: argValue(args, 'seed'),
    latencyMs: latency === undefined ? undefined : Number(latency),
  });
  console.log(`Demo CRM: ${crm.url}/opportunities  (today ${crm.data.today}, ${crm.data.ids.length} opportunities, ready in ${Math.round(performance.now() - started)} ms)`);
  const stop = () => void crm.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
