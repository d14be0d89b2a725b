/**
 * Admin policy end to end: a real Chromium enterprise policy file
 * (/etc/chromium/policies/managed/*.json, `3rdparty.extensions.<id>`) reaches the extension's
 * storage.managed; options show what it fixes as locked, the sidebar coaches with the playbook
 * and threshold in force, the review page refuses CSV import, and a CRM it does not enable gets
 * nothing — also after the administrator changes the policy while the browser runs.
 *
 * Isolation: other e2e runs share this machine (and its /etc/chromium). This test loads a copy of
 * the build under a key generated for this run, so its extension id — the only one its policy
 * file names — is unique to it; the file has a unique name and is always removed.
 * Needs root to write /etc/chromium (CI and the dev machine run as root); skipped otherwise.
 */
import { createHash, generateKeyPairSync, randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startDemoCrm, type DemoCrm } from '../demo-crm/server';
import { EXTENSION_DIR, launchChromium, type LaunchedBrowser } from './browser';
import { SidebarProbe } from './sidebar';

// Not from ./fixtures: importing it would register its per-test fixtures' hooks on this file's plain tests.
const DEMO_USER = 'Darcel Schlecht';
const recordUrl = (crm: DemoCrm, id: string) => `${crm.url}/opportunities/${encodeURIComponent(id)}`;

const POLICY_DIR = process.env.CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** The extension id Chrome derives from a manifest key: SHA-256 of the key, first 16 bytes, hex digits 0-f as a-p. */
export function extensionIdOf(base64Key: string): string {
  const hex = createHash('sha256').update(Buffer.from(base64Key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

const POLICY = {
  playbook: 'meddpicc',
  // DEMO-HEALTHY has a few engaged stakeholders: "single-threaded at 10 or fewer" flags it.
  thresholds: { singleThreadedMax: 10, pushCount: 3 },
  disableCsvImport: true,
  // A self-hosted Tryton the admin names: listed as theirs in options, access still the person's to allow.
  customCrmDomains: [{ origin: 'http://tryton.example.lan:8000', crm: 'tryton' }],
  // As JSON text: Chrome keeps only the declared fields of objects (a bare object arrived as {}).
  customCrms: [JSON.stringify({ id: 'acme', name: 'Acme CRM', fields: { name: { locator: { by: 'css', selector: 'h1' } } } })],
};

test.describe.configure({ mode: 'serial' });
test.skip(!isRoot, `Admin policy e2e skipped: writing ${POLICY_DIR} needs root (CI and the dev machine run as root).`);

let crm: DemoCrm;
let browser: LaunchedBrowser;
let extensionId: string;
let workDir: string;
const policyFile = path.join(POLICY_DIR, `deal-coach-e2e-${process.pid}-${randomUUID()}.json`);

/** Write the policy atomically (Chrome watches the directory and may read a half-written file). */
function writePolicy(id: string, policy: unknown): void {
  mkdirSync(POLICY_DIR, { recursive: true });
  const tmp = `${policyFile}.tmp`;
  writeFileSync(tmp, JSON.stringify({ '3rdparty': { extensions: { [id]: policy } } }, null, 2));
  renameSync(tmp, policyFile);
}

async function managed(page: Page): Promise<unknown> {
  return page.evaluate(() => (globalThis as unknown as { chrome: { storage: { managed: { get(): Promise<unknown> } } } }).chrome.storage.managed.get());
}

test.beforeAll(async () => {
  test.setTimeout(90_000);
  // A copy of the build under a fresh key: its id is this run's alone.
  workDir = mkdtempSync(path.join(tmpdir(), 'deal-coach-policy-'));
  const extensionDir = path.join(workDir, 'extension');
  cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
  const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const manifestPath = path.join(extensionDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  expect(manifest.key, 'the build pins its id with a manifest key').toEqual(expect.any(String));
  expect(manifest.storage).toEqual({ managed_schema: 'managed-schema.json' });
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, key }));
  extensionId = extensionIdOf(key);

  writePolicy(extensionId, POLICY);
  crm = await startDemoCrm({ port: 0, host: '127.0.0.1', latencyMs: 20 });
  browser = await launchChromium({ headless: !process.env.E2E_HEADED, extensionDir });
});

test.afterAll(async () => {
  // Always: the policy file first, so no later browser on this machine sees it.
  rmSync(policyFile, { force: true });
  rmSync(`${policyFile}.tmp`, { force: true });
  await browser?.close();
  await crm?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

test('policy file reaches storage.managed of the extension (headless Chromium, unpacked build)', async () => {
  expect(browser.extensionId, 'the id Chrome derived from our manifest key').toBe(extensionId);
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  // Chrome validates the value against public/managed-schema.json and hands it over unchanged.
  await expect.poll(() => managed(page), { timeout: 15_000 }).toEqual(POLICY);
  await page.close();
});

test('options show what the policy fixes as locked, the rest editable', async () => {
  const options = await browser.context.newPage();
  await options.setViewportSize({ width: 1100, height: 1000 });
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByText('Some settings are set by your administrator')).toBeVisible({ timeout: 15_000 });
  // Playbook: MEDDPICC chosen, the whole choice disabled.
  await expect(options.getByRole('radio', { name: /MEDDPICC/ })).toBeChecked();
  await expect(options.getByRole('radio', { name: /BANT/ })).toBeDisabled();
  // Locked thresholds show the policy's value; the others stay the person's to change.
  const single = options.getByLabel('Single-threaded at');
  await expect(single).toHaveValue('10');
  await expect(single).toBeDisabled();
  await expect(options.getByLabel('Close date pushed')).toHaveValue('3');
  await expect(options.getByLabel('Close date pushed')).toBeDisabled();
  await expect(options.getByLabel('Engaged within')).toBeEnabled();
  await expect(options.getByText('Importing CSV reports into the review is disabled by your administrator.')).toBeVisible();
  // The admin's custom domain: listed with its lock, no Remove, and a way to allow access (not granted yet).
  const domain = options.getByRole('list', { name: 'Custom CRM domains' }).getByRole('listitem').filter({ hasText: 'http://tryton.example.lan:8000' });
  await expect(domain).toContainText('Tryton');
  await expect(domain).toContainText('Set by your administrator');
  await expect(domain).toContainText('access not granted');
  await expect(domain.getByRole('button', { name: 'Allow access to http://tryton.example.lan:8000' })).toBeVisible();
  await expect(domain.getByRole('button', { name: /Remove/ })).toHaveCount(0);
  // Playbook + two thresholds + the domain.
  await expect(options.locator('.dc-locked')).toHaveCount(4);
  await options.screenshot({ path: 'artifacts/e2e/options-policy-locked.png', fullPage: true });
  await options.close();
});

test('the sidebar coaches with the playbook and threshold in force; the review page refuses CSV import', async () => {
  const context = browser.context;
  await context.addCookies([{ name: 'demo_user', value: encodeURIComponent(DEMO_USER), url: crm.url }]);
  const page = await context.newPage();
  const sidebar = await SidebarProbe.attach(page);
  await page.goto(recordUrl(crm, 'DEMO-HEALTHY'));
  // Healthy under the defaults (showcase.e2e.ts); single-threaded at 10 or fewer engaged under the policy.
  const text = await sidebar.waitForText((t) => t.includes('Cancity') && !t.includes('Reading this deal') && t.includes('MEDDPICC'), 30_000);
  expect(text).toContain('Single-threaded');
  await sidebar.click(/Expand all/);
  await sidebar.waitForText((t) => t.includes('Flagged at 10 or fewer engaged.'));
  await page.screenshot({ path: 'artifacts/e2e/deal-policy.png' });
  await sidebar.detach();
  await page.close();

  const review = await context.newPage();
  await review.goto(`chrome-extension://${extensionId}/review.html`);
  await expect(review.getByRole('button', { name: 'Import CSV…' })).toBeDisabled({ timeout: 15_000 });
  await expect(review.locator('input[type="file"]')).toHaveCount(0);
  await review.close();
});

test('a policy change applies live: locks lift, and a CRM left out of enabledCrms gets nothing', async () => {
  const context = browser.context;
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByLabel('Single-threaded at')).toBeDisabled({ timeout: 15_000 });

  writePolicy(extensionId, { enabledCrms: ['salesforce'] });
  // Chrome notices the file change (storage.onChanged 'managed'); the options page follows without a reload.
  await expect.poll(() => managed(options), { timeout: 30_000 }).toEqual({ enabledCrms: ['salesforce'] });
  await expect(options.getByText('Some settings are set by your administrator')).toHaveCount(0);
  await expect(options.getByText('Your administrator turned Deal Coach on only for Salesforce.')).toBeVisible();
  await expect(options.getByLabel('Single-threaded at')).toBeEnabled();
  // The person's own settings are back (the policy's values were never stored as theirs).
  await expect(options.getByRole('radio', { name: /Dealmaker/ })).toBeChecked();
  await expect(options.getByLabel('Single-threaded at')).toHaveValue('1');
  await options.close();

  // The demo CRM is not enabled: no sidebar, and the extension reads nothing from it.
  await fetch(`${crm.url}/__test/reset`, { method: 'POST' });
  const page = await context.newPage();
  const sidebar = await SidebarProbe.attach(page);
  await page.goto(recordUrl(crm, 'DEMO-STALE'));
  await expect(page.locator('main[data-record-id="DEMO-STALE"]')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(await sidebar.visible()).toBe(false);
  const stats = (await (await fetch(`${crm.url}/__test/stats`)).json()) as { total: number; routes: Record<string, number> };
  // Only the page's own requests: the extension would add its read of the deal (a second
  // GET /api/opportunities/:id), the owner's history (GET /api/opportunities) and /api/me.
  expect(stats.routes).toEqual({ 'GET /opportunities/:id': 1, 'GET /api/opportunities/:id': 1, 'GET /api/opportunities/:id/neighbors': 1 });
  await sidebar.detach();
  await page.close();
});
