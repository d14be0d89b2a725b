/**
 * Serve the UI gallery on 127.0.0.1, take PNG screenshots of every scene into
 * artifacts/ui-gallery/, and run keyboard / text-safety checks in a real Chromium.
 *
 *   npx tsx test/ui-gallery/shoot.ts            # everything
 *   npx tsx test/ui-gallery/shoot.ts stale      # only scenes whose id contains "stale" (checks always run)
 *   CHROMIUM_PATH=/path/to/chrome npx tsx test/ui-gallery/shoot.ts
 *
 * Exits non-zero when a check fails.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServer } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = resolve(here, '../../artifacts/ui-gallery');
const filter = process.argv[2] ?? '';

interface SceneInfo {
  id: string;
  kind: 'sidebar' | 'popup' | 'options';
  scheme: 'light' | 'dark';
}

const failures: string[] = [];
function check(ok: boolean, what: string): void {
  console.log(`${ok ? '  ok  ' : '  FAIL'} ${what}`);
  if (!ok) failures.push(what);
}

async function open(browser: Browser, base: string, scene: string, opts: { width: number; height: number; scale?: number; scheme?: 'light' | 'dark' }): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: opts.width, height: opts.height },
    deviceScaleFactor: opts.scale ?? 1,
    colorScheme: opts.scheme ?? 'light',
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  page.on('dialog', (d) => {
    failures.push(`a dialog opened in ${scene}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => failures.push(`page error in ${scene}: ${e.message}`));
  await page.goto(`${base}?scene=${scene}`);
  await page.waitForSelector('body[data-ready]', { state: 'attached' });
  // Let fonts and layout settle (no animations: reducedMotion).
  await page.evaluate(() => document.fonts.ready);
  return page;
}

/** The element focused inside the (open, in the gallery) shadow root, described for logs. */
async function focused(page: Page): Promise<{ desc: string; outline: string; inShadow: boolean }> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    let inShadow = false;
    while (el?.shadowRoot?.activeElement) {
      el = el.shadowRoot.activeElement;
      inShadow = true;
    }
    if (!el) return { desc: 'nothing', outline: 'none', inShadow };
    const cs = getComputedStyle(el);
    const label = el.getAttribute('aria-label') ?? (el.textContent ?? '').trim().slice(0, 60);
    const exp = el.getAttribute('aria-expanded');
    return {
      desc: `${el.tagName.toLowerCase()}${exp ? `[aria-expanded=${exp}]` : ''} "${label}"`,
      outline: `${cs.outlineStyle} ${cs.outlineWidth}`,
      inShadow,
    };
  });
}

async function shootSidebar(browser: Browser, base: string, s: SceneInfo): Promise<void> {
  const page = await open(browser, base, s.id, { width: 1100, height: 760, scheme: s.scheme });
  await page.screenshot({ path: `${outDir}/${s.id}.png` });
  if (s.id === 'sidebar-stale-light') {
    // A phone-sized window: the panel must leave part of the page visible.
    await page.setViewportSize({ width: 360, height: 640 });
    const left = await page.evaluate(() => document.querySelector('deal-coach-ui')!.shadowRoot!.querySelector('.dc-panel')!.getBoundingClientRect().left);
    check(left >= 40, `narrow window: panel leaves ${left}px of the page visible`);
    await page.screenshot({ path: `${outDir}/sidebar-narrow-window.png` });
  }
  await page.context().close();

  // The whole panel at 2x: the viewport is made as tall as the content, so nothing scrolls.
  const tall = await open(browser, base, s.id, { width: 1100, height: 760, scale: 2, scheme: s.scheme });
  const measure = () =>
    tall.evaluate(() => {
      const root = document.querySelector('deal-coach-ui')!.shadowRoot!;
      const panel = root.querySelector('.dc-panel, .dc-tab') as HTMLElement;
      const scroll = root.querySelector('.dc-scroll') as HTMLElement | null;
      const r = panel.getBoundingClientRect();
      const needed = scroll ? r.height - scroll.clientHeight + scroll.scrollHeight : r.height;
      return { x: r.x, y: r.y, width: r.width, height: r.height, needed, scrollW: scroll ? scroll.scrollWidth - scroll.clientWidth : 0 };
    });
  let box = await measure();
  check(box.scrollW <= 0, `${s.id}: nothing overflows the panel horizontally (${box.scrollW}px)`);
  if (box.needed > box.height) {
    await tall.setViewportSize({ width: 1100, height: Math.min(4000, Math.ceil(box.needed)) });
    box = await measure();
  }
  const pad = s.id.includes('collapsed') ? 40 : 0;
  const clip = { x: box.x - pad, y: Math.max(0, box.y - pad), width: box.width + pad, height: box.height + 2 * pad };
  await tall.screenshot({ path: `${outDir}/${s.id}.panel.png`, clip });
  // The same in pieces of 800 px, legible in an image viewer.
  for (let y = 0, i = 1; y < clip.height; y += 800, i++) {
    await tall.screenshot({ path: `${outDir}/${s.id}.panel-${i}.png`, clip: { ...clip, y: clip.y + y, height: Math.min(800, clip.height - y) } });
  }
  await tall.context().close();
}

async function shootPopup(browser: Browser, base: string, s: SceneInfo): Promise<void> {
  const page = await open(browser, base, s.id, { width: 420, height: 1000, scale: 2, scheme: s.scheme });
  const el = page.locator('.dc-popup');
  // As the browser shows it (600 px cap, body scrolls) and in full.
  await el.screenshot({ path: `${outDir}/${s.id}.png` });
  await page.addStyleTag({ content: '.dc-popup { --dc-popup-max-height: none; }' });
  await el.screenshot({ path: `${outDir}/${s.id}.full.png` });
  await page.context().close();
}

async function shootOptions(browser: Browser, base: string, s: SceneInfo): Promise<void> {
  const page = await open(browser, base, s.id, { width: 960, height: 900, scale: 1.5, scheme: s.scheme });
  await page.screenshot({ path: `${outDir}/${s.id}.png`, fullPage: true });
  await page.context().close();
}

async function keyboardChecks(browser: Browser, base: string): Promise<void> {
  console.log('keyboard: sidebar (stale deal, light)');
  const page = await open(browser, base, 'sidebar-stale-light', { width: 1100, height: 760, scale: 2 });
  const stops: string[] = [];
  for (let i = 0; i < 14; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    stops.push(f.desc);
    if (f.inShadow) check(f.outline.startsWith('solid') || f.outline.startsWith('auto'), `focus ring visible on ${f.desc} (${f.outline})`);
    if (i === 3) await page.screenshot({ path: `${outDir}/keyboard-focus-finding.png`, clip: { x: 770, y: 0, width: 330, height: 760 } });
  }
  console.log(`  tab order:\n    ${stops.join('\n    ')}`);
  check(stops[0]?.includes('Hide Deal Coach') ?? false, 'first tab stop is the hide button');

  // Toggle the first warning finding with Enter and Space.
  const shadow = page.locator('deal-coach-ui');
  const warn = shadow.locator('.dc-tone-warn .dc-finding__toggle').first();
  await warn.focus();
  check((await warn.getAttribute('aria-expanded')) === 'false', 'warning finding starts collapsed');
  await page.keyboard.press('Enter');
  check((await warn.getAttribute('aria-expanded')) === 'true', 'Enter expands a finding (aria-expanded=true)');
  const bodyId = await warn.getAttribute('aria-controls');
  check(await shadow.locator(`[id="${bodyId}"]`).isVisible(), 'expanded finding body is visible');
  await page.keyboard.press('Space');
  check((await warn.getAttribute('aria-expanded')) === 'false', 'Space collapses it again');

  // Qualification group toggle.
  const answered = shadow.locator('.dc-qgroup--answered .dc-qgroup__toggle');
  await answered.focus();
  await page.keyboard.press('Enter');
  check((await answered.getAttribute('aria-expanded')) === 'true', 'answered questions toggle expands');
  await page.screenshot({ path: `${outDir}/keyboard-qualification-open.png`, clip: { x: 770, y: 0, width: 330, height: 760 } });

  // Escape collapses to the tab and moves focus there; Enter on the tab expands and focus returns.
  await page.keyboard.press('Escape');
  await page.waitForTimeout(100);
  let f = await focused(page);
  check(f.desc.includes('Show coaching') && f.desc.includes('aria-expanded=false'), `Escape collapses; focus on the tab (${f.desc})`);
  await page.screenshot({ path: `${outDir}/keyboard-tab-focused.png`, clip: { x: 900, y: 200, width: 200, height: 360 } });
  await page.keyboard.press('Enter');
  await page.waitForTimeout(100);
  f = await focused(page);
  check(f.desc.includes('Hide Deal Coach') && f.desc.includes('aria-expanded=true'), `Enter on the tab expands; focus on hide (${f.desc})`);

  // Refresh and review callbacks.
  await shadow.getByRole('button', { name: 'Refresh' }).click();
  await shadow.getByRole('button', { name: 'Open pipeline review' }).click();
  const events = await page.evaluate(() => window.__events ?? []);
  check(events.includes('refresh') && events.includes('open-review'), `Refresh and Open pipeline review call back (${events.join(', ')})`);

  // Landmarks and headings.
  const aria = await page.evaluate(() => {
    const root = document.querySelector('deal-coach-ui')!.shadowRoot!;
    return {
      aside: root.querySelector('aside')?.getAttribute('aria-label'),
      h2: root.querySelector('h2')?.textContent,
      h3: [...root.querySelectorAll('h3')].map((h) => h.textContent),
    };
  });
  check(aria.aside === 'Deal Coach', 'complementary landmark labelled "Deal Coach"');
  check(aria.h3.length >= 4, `section headings: ${aria.h3.join(' | ')}`);
  await page.context().close();
}

async function safetyChecks(browser: Browser, base: string): Promise<void> {
  console.log('text safety: hostile CRM strings');
  for (const id of ['sidebar-hostile-light', 'options-default-light']) {
    const page = await open(browser, base, id, { width: 1100, height: 760 });
    await page.waitForTimeout(200);
    const r = await page.evaluate(() => {
      const roots: Array<Document | ShadowRoot> = [document];
      const host = document.querySelector('deal-coach-ui');
      if (host?.shadowRoot) roots.push(host.shadowRoot);
      return {
        imgs: roots.reduce((n, root) => n + root.querySelectorAll('img, script:not([type=module]), b, i').length, 0),
        text: roots.map((root) => (root instanceof Document ? root.body.innerText : (root.querySelector('body') as HTMLElement).innerText)).join('\n'),
      };
    });
    check(r.imgs === 0, `${id}: no element created from CRM text (img/script/b/i: ${r.imgs})`);
    if (id.startsWith('sidebar')) check(r.text.includes('<img src=x onerror=alert(1)>'), `${id}: markup shown literally`);
    else check(r.text.includes('<b>Dana</b> Ruiz'), `${id}: markup shown literally`);
    await page.context().close();
  }
}

async function optionsFlows(browser: Browser, base: string): Promise<void> {
  console.log('options: validation and delete flow');
  const page = await open(browser, base, 'options-default-light', { width: 960, height: 900, scale: 1.5 });
  const input = page.getByLabel('Unreached after', { exact: false });
  await input.fill('999');
  await input.blur();
  check((await input.getAttribute('aria-invalid')) === 'true', 'out-of-range threshold is marked invalid');
  const ev1 = await page.evaluate(() => (window.__events ?? []).filter((e) => e.startsWith('change')).length);
  check(ev1 === 0, 'invalid value does not call onChange');
  await input.screenshot({ path: `${outDir}/options-invalid-input.png` }).catch(() => undefined);
  await page.locator('.dc-field--invalid').first().screenshot({ path: `${outDir}/options-invalid.png` });
  await input.fill('21');
  await page.keyboard.press('Tab');
  const last = await page.evaluate(() => (window.__events ?? []).filter((e) => e.startsWith('change')).at(-1) ?? '');
  check(last.includes('"unreachedDays":21') && last.includes('"playbookId"'), 'valid value calls onChange with a full Settings object');

  await page.getByRole('button', { name: 'Delete all local data' }).click();
  await page.locator('.dc-privacy').screenshot({ path: `${outDir}/options-delete-confirm.png` });
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await page.getByText('All local data deleted').waitFor();
  await page.locator('.dc-privacy').screenshot({ path: `${outDir}/options-delete-done.png` });
  check(true, 'delete asks for confirmation, then says it is done');
  await page.context().close();
}

async function main(): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const server = await createServer({ configFile: resolve(here, 'vite.config.ts'), server: { host: '127.0.0.1', port: 0 } });
  await server.listen();
  const base = server.resolvedUrls?.local[0];
  if (!base) throw new Error('vite did not report a URL');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const probe = await open(browser, base, '', { width: 800, height: 600 });
    const scenes = (await probe.evaluate(() => (window as unknown as { __scenes: SceneInfo[] }).__scenes)).filter((s) => s.id.includes(filter));
    await probe.context().close();
    for (const s of scenes) {
      if (s.kind === 'sidebar') await shootSidebar(browser, base, s);
      else if (s.kind === 'popup') await shootPopup(browser, base, s);
      else await shootOptions(browser, base, s);
      console.log(`shot ${s.id}`);
    }
    await keyboardChecks(browser, base);
    await safetyChecks(browser, base);
    if (!process.env.SKIP_OPTIONS_FLOWS) await optionsFlows(browser, base).catch((e: Error) => check(false, `options flows: ${e.message}`));
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(failures.length ? `\n${failures.length} check(s) failed:\n- ${failures.join('\n- ')}` : '\nall checks passed');
  console.log(`screenshots in ${outDir}`);
  process.exit(failures.length ? 1 : 0);
}

void main();
