/**
 * Fixtures for the Tryton end-to-end tests (npm run test:tryton): per run (one worker), one real
 * Tryton installed from Debian and seeded (test/tryton/server.ts), one Chromium with the built
 * extension, and one sao tab signed in as the seed's rep. Tryton's own JSON-RPC is spoken here
 * directly, with the signed-in tab's session, to count what the tests expect independently of the
 * extension's adapter.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { createServer } from 'node:net';
import path from 'node:path';
import { startTryton, type TrytonServer } from '../../tryton/server';
import { extensionBrowser, type LaunchedBrowser } from '../browser';
import { SidebarProbe } from '../sidebar';

/** A Tryton of its own (port and work dir), so a developer's server on 8700 is left alone. */
const WORKDIR = path.resolve(process.env.TRYTON_E2E_WORKDIR ?? '.tmp/tryton-e2e');

/** Set in the sao tab right after sign-in; still there only if nothing reloaded the page. */
export const NO_RELOAD_MARK = '__dealCoachTrytonNoReload';

export interface Sao {
  page: Page;
  sidebar: SidebarProbe;
  /** Uncaught exceptions in the sao tab (must stay empty). */
  pageErrors: string[];
  /** `#<db>/model/sale.opportunity/<id>`, the way sao's own links name a record. */
  recordHash(id: number): string;
  /** Go to a record as sao's links do: a hash change, no page load. */
  openByHash(id: number): Promise<void>;
  /** One JSON-RPC call as the signed-in user, with the session sao keeps in the tab. */
  rpc<T>(method: string, params: unknown[]): Promise<T>;
}

interface WorkerFixtures {
  tryton: TrytonServer;
  browser_: LaunchedBrowser;
  sao: Sao;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** sao's sign-in: user name, Enter; then the password dialog, Enter (its first dialog's disabled submit stays in the DOM). */
async function signIn(page: Page, tryton: TrytonServer): Promise<void> {
  await page.goto(tryton.url);
  await page.locator('#login').fill(tryton.login);
  await page.locator('#login').press('Enter');
  const password = page.locator('.modal input[type=password]');
  await password.fill(tryton.password);
  await password.press('Enter');
  await expect.poll(() => page.evaluate((db) => localStorage.getItem(`sao_session_${db}`), tryton.db), { timeout: 30_000 }).not.toBeNull();
  await expect(page.locator('#tabcontent')).toBeAttached({ timeout: 30_000 });
}

export const test = base.extend<object, WorkerFixtures>({
  tryton: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from the pattern
    async ({}, use) => {
      const port = process.env.TRYTON_E2E_PORT ? Number(process.env.TRYTON_E2E_PORT) : await freePort();
      const tryton = await startTryton({ port, workdir: WORKDIR });
      try {
        await use(tryton);
      } finally {
        await tryton.stop();
      }
    },
    // A fresh machine installs Tryton from Debian and builds the database (about a minute or two).
    { scope: 'worker', timeout: 15 * 60_000 },
  ],

  browser_: extensionBrowser,

  sao: [
    async ({ tryton, browser_ }, use) => {
      const page = await browser_.context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(`${error.name}: ${error.message}`));
      await signIn(page, tryton);
      await page.evaluate((mark) => ((window as unknown as Record<string, unknown>)[mark] = true), NO_RELOAD_MARK);
      const sidebar = await SidebarProbe.attach(page);
      const endpoint = `${tryton.url}${encodeURIComponent(tryton.db)}/`;
      let id = 0;
      const sao: Sao = {
        page,
        sidebar,
        pageErrors,
        recordHash: (record) => `#${tryton.db}/model/sale.opportunity/${record}`,
        async openByHash(record) {
          await page.evaluate((hash) => (location.hash = hash), sao.recordHash(record));
        },
        async rpc<T>(method: string, params: unknown[]): Promise<T> {
          // The session exactly as sao stores it in the tab (never the extension's copy: it keeps none).
          const stored = await page.evaluate((db) => localStorage.getItem(`sao_session_${db}`), tryton.db);
          const { login, user_id: userId, session } = JSON.parse(stored ?? 'null') as { login: string; user_id: number; session: string };
          const response = await fetch(endpoint, {
            method: 'POST',
            headers: {
              'Content-Type': 'application/json',
              'X-Requested-With': 'XMLHttpRequest',
              Authorization: `Session ${Buffer.from(`${login}:${userId}:${session}`, 'utf8').toString('base64')}`,
            },
            body: JSON.stringify({ id: ++id, method, params }),
          });
          const body = (await response.json()) as { result?: T; error?: unknown };
          if (!response.ok || body.error != null || !('result' in body)) throw new Error(`${method}: HTTP ${response.status} ${JSON.stringify(body.error ?? body)}`);
          return body.result as T;
        },
      };
      await use(sao);
      await sidebar.detach();
      await page.close();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
});

export { expect };
