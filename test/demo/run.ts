/**
 * `npm run demo`: build the extension, start the demo CRM, open Chromium with Deal Coach
 * loaded on a showcase deal.
 *   npm run demo                        headed (needs $DISPLAY); close the browser or Ctrl-C to stop
 *   npm run demo -- --headless          save screenshots of a deal with the sidebar and of the popup
 *                                       into artifacts/demo/, print their paths, exit
 *   options: --deal DEMO-NODM  --port 4300  --no-build  --theme dark
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromiumPath, launchChromium, missingChromiumMessage } from '../e2e/browser';
import { SidebarProbe } from '../e2e/sidebar';
import { startDemoCrm, SHOWCASE_IDS, SHOWCASE_OWNER, type DemoCrm } from '../demo-crm/server';

const ARTIFACTS = path.resolve('artifacts/demo');

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

async function startCrm(port: number): Promise<DemoCrm> {
  try {
    return await startDemoCrm({ port, host: '127.0.0.1' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    console.log(`Port ${port} is busy; using a free one.`);
    return startDemoCrm({ port: 0, host: '127.0.0.1' });
  }
}

async function main(args: string[]): Promise<number> {
  const wantHeadless = args.includes('--headless');
  const headless = wantHeadless || !process.env.DISPLAY;
  const deal = option(args, 'deal') ?? SHOWCASE_IDS.stale;
  const theme = option(args, 'theme') === 'dark' ? 'dark' : 'light';

  if (!existsSync(chromiumPath())) {
    console.error(missingChromiumMessage());
    return 1;
  }
  if (!args.includes('--no-build')) {
    console.log('Building the extension (wxt build)…');
    execFileSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'inherit', 'inherit'] });
  }

  const crm = await startCrm(Number(option(args, 'port') ?? 4300));
  const dealUrl = `${crm.url}/opportunities/${encodeURIComponent(deal)}?theme=${theme}`;
  console.log(`Demo CRM: ${crm.url}/opportunities (today ${crm.data.today}), signed in as ${SHOWCASE_OWNER}`);
  if (!wantHeadless && headless) console.log('No $DISPLAY: running headless and saving screenshots instead of opening a window.');

  const browser = await launchChromium({ headless, viewport: headless ? { width: 1440, height: 900 } : null });
  const { context, extensionId } = browser;
  await context.addCookies([{ name: 'demo_user', value: encodeURIComponent(SHOWCASE_OWNER), url: crm.url }]);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(dealUrl);
  console.log(`Deal Coach ${extensionId} loaded; showing ${dealUrl}`);

  if (!headless) {
    console.log('Popup: click the Deal Coach icon in the toolbar (pin it from the puzzle-piece menu).');
    console.log('Close the browser window or press Ctrl-C to stop.');
    await new Promise<void>((resolve) => {
      context.on('close', () => resolve());
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    await browser.close();
    await crm.close();
    return 0;
  }

  mkdirSync(ARTIFACTS, { recursive: true });
  const probe = await SidebarProbe.attach(page);
  // Fresh profile: the first view reads the deal and the rep's history, then the sidebar shows it.
  await probe.waitForText((text) => !/Reading|Loading/i.test(text) && text.length > 40, 60_000);
  await page.waitForTimeout(300);
  const dealShot = path.join(ARTIFACTS, `deal-${deal.toLowerCase()}-${theme}.png`);
  await page.screenshot({ path: dealShot });

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.waitForFunction(() => !/loading|reading/i.test(document.body.innerText) && document.body.innerText.trim().length > 20, null, { timeout: 60_000 });
  await popup.waitForTimeout(300);
  const popupShot = path.join(ARTIFACTS, 'popup.png');
  await popup.screenshot({ path: popupShot });

  await probe.detach();
  await browser.close();
  await crm.close();
  console.log('Screenshots:');
  console.log(`  ${dealShot}`);
  console.log(`  ${popupShot}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
