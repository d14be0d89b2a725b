/**
 * Smoke check of the demo CRM's pages in a real browser. Skipped when no Chromium is installed
 * (set CHROMIUM_PATH, or install the `chromium` package or Playwright's own build).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoCrm, type DemoCrm } from '../../demo-crm/server';
import { post } from './io';

function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  try {
    candidates.push(chromium.executablePath());
  } catch {
    /* no Playwright build */
  }
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}

const executablePath = findChromium();

describe.skipIf(!executablePath)('demo CRM in a browser', () => {
  let crm: DemoCrm;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    crm = await startDemoCrm({ today: '2026-03-10' });
    browser = await chromium.launch({ executablePath: executablePath!, args: ['--no-sandbox'] });
    page = await browser.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    // Record when the URL changes and when the record view appears, to check the SPA timing.
    await page.addInitScript(() => {
      const w = window as unknown as { __nav: { pushed: number; rendered: Record<string, number> } };
      w.__nav = { pushed: 0, rendered: {} };
      const push = history.pushState.bind(history);
      history.pushState = (...args: Parameters<History['pushState']>) => {
        w.__nav.pushed = performance.now();
        push(...args);
      };
      new MutationObserver(() => {
        const id = document.querySelector('main[data-record-id]')?.getAttribute('data-record-id');
        if (id && !(id in w.__nav.rendered)) w.__nav.rendered[id] = performance.now();
      }).observe(document, { childList: true, subtree: true });
    });
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await crm?.close();
  });

  it('lists the deals, navigates client-side to a record after fetching it, and supports back/forward', async () => {
    await page.goto(`${crm.url}/`);
    await page.waitForSelector('main[data-view="list"] tbody tr');
    expect(await page.locator('h1').textContent()).toBe('My opportunities');
    await page.fill('input[type=search]', 'DEMO-');
    await page.waitForFunction(() => document.querySelectorAll('main tbody tr').length === 4);
    const loads = (await (await fetch(`${crm.url}/__test/stats`)).json()) as { routes: Record<string, number> };

    await page.click('a[href="/opportunities/DEMO-HEALTHY"]');
    await page.waitForSelector('main[data-record-id="DEMO-HEALTHY"]');
    expect(page.url()).toBe(`${crm.url}/opportunities/DEMO-HEALTHY`);
    const nav = await page.evaluate(() => (window as unknown as { __nav: { pushed: number; rendered: Record<string, number> } }).__nav);
    const renderMs = nav.rendered['DEMO-HEALTHY']! - nav.pushed;
    // The record appears only after the API answered (the server adds latency): no upper bound, speed is for benchmarks.
    expect(renderMs).toBeGreaterThan(80);
    const after = (await (await fetch(`${crm.url}/__test/stats`)).json()) as { routes: Record<string, number> };
    expect(after.routes['GET /opportunities/:id'] ?? 0).toBe(loads.routes['GET /opportunities/:id'] ?? 0);
    expect(await page.locator('[data-field="amount"]').textContent()).toBe('$1,150');
    expect(await page.locator('[data-related="contact_roles"] tbody tr').count()).toBe(4);

    await page.click('a[data-nav="next"]');
    await page.waitForSelector('main[data-record-id="DEMO-UNQUALIFIED"]');
    await page.goBack();
    await page.waitForSelector('main[data-record-id="DEMO-HEALTHY"]');
    await page.goBack();
    await page.waitForSelector('main[data-view="list"]');
    await page.goForward();
    await page.waitForSelector('main[data-record-id="DEMO-HEALTHY"]');
    expect(pageErrors).toEqual([]);
  });

  it('renders hostile data as text', async () => {
    await post(crm.url, '/__test/mutate', { id: 'DEMO-STALE', changes: { name: '<img src=x onerror="window.__pwned=1">Deal', next_step: '<script>window.__pwned=1</script>' } });
    try {
      await page.goto(`${crm.url}/opportunities/DEMO-STALE`);
      await page.waitForSelector('main[data-record-id="DEMO-STALE"]');
      expect(await page.locator('main h1').textContent()).toBe('<img src=x onerror="window.__pwned=1">Deal');
      expect(await page.locator('main img, main script').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    } finally {
      await post(crm.url, '/__test/reset', {});
    }
  });

  it('switches theme with ?theme=dark and user with the chooser', async () => {
    await page.goto(`${crm.url}/opportunities?theme=dark`);
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    await page.selectOption('#user-select', 'u-melvin-marxen');
    await page.waitForSelector('main[data-view="list"] tbody tr');
    expect(await page.locator('main h1').textContent()).toBe('Team opportunities');
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    await page.context().clearCookies();
  });
});
