/**
 * Launch Debian's Chromium with the built extension loaded, for the e2e tests, `npm run demo`
 * and the extension benchmark. Test tools cannot download browsers here: Chromium comes from
 * the system (`sudo apt-get install chromium`), or from $CHROMIUM_PATH.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { WorkerFixture } from '@playwright/test';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const EXTENSION_DIR = path.resolve(process.env.DEAL_COACH_OUT ?? '.output', 'chrome-mv3');

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export function missingChromiumMessage(): string {
  return [
    `Chromium was not found at ${chromiumPath()}.`,
    'Install it with:   sudo apt-get install chromium',
    'or point CHROMIUM_PATH at a Chromium/Chrome binary (Chromium 120 or later, for extensions in headless mode).',
  ].join('\n');
}

/** Flags for a quiet, reproducible browser with only our extension. */
export function chromiumArgs(extensionDir: string | null, headless: boolean): string[] {
  return [
    ...(headless ? ['--headless=new'] : []),
    ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : ['--disable-extensions']),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-features=Translate,MediaRouter,OptimizationHints',
    '--disable-dev-shm-usage',
  ];
}

export interface LaunchedBrowser {
  context: BrowserContext;
  /** null when launched without the extension. */
  extensionId: string | null;
  serviceWorker: Worker | null;
  close(): Promise<void>;
}

/**
 * A persistent context in a fresh user-data dir (removed on close). Extensions need a
 * persistent context; `--headless=new` keeps them working without a display.
 */
export async function launchChromium(options: {
  headless: boolean;
  extension?: boolean;
  viewport?: { width: number; height: number } | null;
  colorScheme?: 'light' | 'dark';
  /** More Chromium flags (the vendor CRM tests map real CRM hosts to a local HTTPS server). */
  extraArgs?: string[];
  /** Another unpacked build than EXTENSION_DIR (the policy test loads a copy under its own key). */
  extensionDir?: string;
}): Promise<LaunchedBrowser> {
  if (!existsSync(chromiumPath())) throw new Error(missingChromiumMessage());
  const withExtension = options.extension !== false;
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (withExtension && !existsSync(path.join(extensionDir, 'manifest.json'))) throw new Error(`No built extension at ${extensionDir}: run \`npx wxt build\` first.`);
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'deal-coach-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    // Playwright's own headless flag would pick the old mode; pass --headless=new ourselves.
    headless: false,
    args: [...chromiumArgs(withExtension ? extensionDir : null, options.headless), ...(options.extraArgs ?? [])],
    viewport: options.viewport === undefined ? { width: 1440, height: 900 } : options.viewport,
    colorScheme: options.colorScheme ?? 'light',
  });
  let serviceWorker: Worker | null = null;
  let extensionId: string | null = null;
  if (withExtension) {
    serviceWorker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    // chrome-extension://<id>/background.js
    extensionId = new URL(serviceWorker.url()).host;
  }
  return {
    context,
    extensionId,
    serviceWorker,
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The worker fixture of every e2e suite: one Chromium with the built extension per worker (headed with E2E_HEADED). */
export const extensionBrowser: [WorkerFixture<LaunchedBrowser, object>, { scope: 'worker'; timeout: number }] = [
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from the pattern
  async ({}, use) => {
    const launched = await launchChromium({ headless: !process.env.E2E_HEADED });
    await use(launched);
    await launched.close();
  },
  { scope: 'worker', timeout: 60_000 },
];
