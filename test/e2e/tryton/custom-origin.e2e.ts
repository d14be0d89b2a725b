/**
 * A self-hosted Tryton on a host of its own (not loopback), set up as a person would: Options →
 * Custom CRM domains → "Tryton", its address. The host (tryton-e2e.test, resolved to the test's
 * Tryton by Chromium's --host-resolver-rules) is a REQUIRED host permission in this suite's build
 * (playwright.tryton.config.ts: a test cannot answer the permission prompt, so the request resolves
 * at once) and NOT in the manifest content script's matches: the sidebar can only come from the
 * background's runtime registration (lib/platform/content-scripts.ts). Nothing else is pre-seeded.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { TRYTON_E2E_HOST } from '../../../playwright.tryton.config';
import { launchChromium, type LaunchedBrowser } from '../browser';
import { SidebarProbe } from '../sidebar';
import { expect, test } from './fixtures';
import type { TrytonServer } from '../../tryton/server';

const SHOTS = 'artifacts/e2e';

/** The extension API as the service worker and options page see it (only what this test calls). */
declare const chrome: {
  runtime: { getManifest(): { host_permissions?: string[]; content_scripts?: Array<{ matches?: string[]; js?: string[] }> } };
  scripting: { getRegisteredContentScripts(): Promise<Array<{ id: string; matches?: string[]; js?: string[]; runAt?: string; persistAcrossSessions?: boolean }>> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
};
const SCRIPT_ID = 'deal-coach-crm-custom-origins';

test.describe.configure({ mode: 'serial' });

let browser: LaunchedBrowser;
test.beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium({ headless: !process.env.E2E_HEADED, extraArgs: [`--host-resolver-rules=MAP ${TRYTON_E2E_HOST} 127.0.0.1`] });
});
test.afterAll(async () => browser?.close());

/** sao's sign-in on this origin (its session lives in this origin's localStorage). */
async function signIn(page: Page, url: string, tryton: TrytonServer): Promise<void> {
  await page.goto(url);
  await page.locator('#login').fill(tryton.login);
  await page.locator('#login').press('Enter');
  const password = page.locator('.modal input[type=password]');
  await password.fill(tryton.password);
  await password.press('Enter');
  await expect.poll(() => page.evaluate((db) => localStorage.getItem(`sao_session_${db}`), tryton.db), { timeout: 30_000 }).not.toBeNull();
}

/** The runtime content-script registrations, as the background left them. */
function registrations(): Promise<Array<{ id: string; matches?: string[]; js?: string[]; runAt?: string; persistAcrossSessions?: boolean }>> {
  return browser.serviceWorker!.evaluate(() => chrome.scripting.getRegisteredContentScripts());
}

/**
 * Counts Deal Coach content-script worlds created in the page's current document (CDP names an
 * extension's isolated world after the extension), so a silent page can be told from one the
 * script never reached.
 */
async function watchContentScriptWorlds(page: Page): Promise<{ count(): number; stop(): Promise<void> }> {
  const cdp = await page.context().newCDPSession(page);
  let worlds = 0;
  cdp.on('Runtime.executionContextsCleared', () => (worlds = 0));
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    if (context.auxData?.type === 'isolated' && context.name === 'Deal Coach') worlds++;
  });
  await cdp.send('Runtime.enable');
  return { count: () => worlds, stop: () => cdp.detach().catch(() => undefined) };
}

test('a Tryton named in options on its own host gets the sidebar; removed, it does not', async ({ tryton }) => {
  const origin = `http://${TRYTON_E2E_HOST}:${new URL(tryton.url).port}`;
  const stale = tryton.facts.showcase.stale;
  const record = `${origin}/#${tryton.db}/model/sale.opportunity/${stale.id}`;

  // The build: the test host is granted but not a static content-script match.
  const manifest = await browser.serviceWorker!.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.host_permissions).toContain(`http://${TRYTON_E2E_HOST}/*`);
  expect(manifest.content_scripts!.flatMap((c) => c.matches ?? [])).not.toContain(`http://${TRYTON_E2E_HOST}/*`);
  // On install the background registered the same built script for the granted host.
  await expect
    .poll(registrations, { timeout: 15_000 })
    .toEqual([expect.objectContaining({ id: SCRIPT_ID, js: manifest.content_scripts![0]!.js, matches: [`http://${TRYTON_E2E_HOST}/*`], runAt: 'document_idle', persistAcrossSessions: true })]);

  // Options, as a person: choose Tryton, type the address, add.
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const section = options.locator('section', { has: options.getByRole('heading', { name: 'Custom CRM domains' }) });
  await section.getByLabel('CRM', { exact: true }).selectOption({ label: 'Tryton' });
  await section.getByLabel('Server address').fill(origin);
  await section.getByRole('button', { name: 'Add a custom CRM domain' }).click();
  await expect(section.getByRole('status')).toHaveText(/Access granted/);
  await expect(section.getByRole('list', { name: 'Custom CRM domains' })).toContainText(`${origin} · Tryton`);
  await section.scrollIntoViewIfNeeded();
  await section.screenshot({ path: `${SHOTS}/custom-origin-options.png` });

  // The sao opportunity on that host: the sidebar's findings, as the seed made them true.
  const sao = await browser.context.newPage();
  const sidebar = await SidebarProbe.attach(sao);
  await signIn(sao, `${origin}/`, tryton);
  await sao.evaluate((hash) => (location.hash = hash), new URL(record).hash);
  await expect(sao.locator('#tabcontent > .tab-pane.active [name="end_date"]')).toBeVisible({ timeout: 30_000 });
  const text = await sidebar.waitForText((t) => t.includes(stale.description) && !t.includes('Reading this deal'), 30_000);
  expect(text).toContain('Older than 9 in 10 won deals');
  expect(text).toContain(`Open ${stale.ageDays} days, since ${stale.startDate};`);
  expect(text).toContain(`Close date pushed ${stale.pushCount} times`);
  expect(text).toContain('This CRM logs no calls or meetings');
  expect(await sidebar.hostCount()).toBe(1);
  await sao.screenshot({ path: `${SHOTS}/custom-origin-sidebar.png` });

  // Control for the check below: a full reload of the same record shows the sidebar again.
  await sao.reload();
  await expect(sao.locator('#tabcontent > .tab-pane.active [name="end_date"]')).toBeVisible({ timeout: 30_000 });
  await sidebar.waitForText((t) => t.includes(stale.description), 30_000);

  // Remove the domain in options: the mapping goes (the test host's permission is required in this
  // build, so it and the registration stay: the content script still runs there, and stays silent).
  await options.bringToFront();
  await section.getByRole('button', { name: `Remove ${origin}` }).click();
  await expect(section.getByRole('list', { name: 'Custom CRM domains' })).toHaveCount(0);
  await expect.poll(() => options.evaluate(() => chrome.storage.local.get('customOrigins'))).toEqual({ customOrigins: {} });

  await sao.bringToFront();
  const worlds = await watchContentScriptWorlds(sao);
  await sao.reload();
  await expect(sao.locator('#tabcontent > .tab-pane.active [name="end_date"]')).toBeVisible({ timeout: 30_000 });
  await sao.waitForLoadState('networkidle');
  expect(worlds.count(), 'the registered content script ran on the reloaded page').toBe(1);
  await worlds.stop();
  expect(await sidebar.visible()).toBe(false);
  expect(await sidebar.hostCount()).toBe(0);
  await sidebar.detach();
});
