/**
 * Uncaught exceptions in the extension's service worker. Playwright reports a worker's console
 * calls but not its uncaught errors, so the watcher adds listeners for `error` and
 * `unhandledrejection` to the worker's global scope (from the test, through DevTools: nothing in
 * the product) and collects console.error calls. A self-test throws once, so a watcher that sees
 * nothing is known to be able to see something.
 */
import type { Worker } from '@playwright/test';
import type { LaunchedBrowser } from '../browser';

export interface WorkerWatch {
  /** Everything seen since the rig started: uncaught errors, unhandled rejections, console.error. */
  errors(): Promise<string[]>;
}

const KEY = '__dealCoachFaultWatch';

async function install(worker: Worker): Promise<void> {
  await worker.evaluate((key) => {
    const scope = globalThis as unknown as Record<string, unknown> & { addEventListener: typeof addEventListener };
    if (Array.isArray(scope[key])) return;
    const seen: string[] = [];
    scope[key] = seen;
    scope.addEventListener('error', (event) => seen.push(`uncaught: ${(event as ErrorEvent).message}`));
    scope.addEventListener('unhandledrejection', (event) => {
      const reason = (event as PromiseRejectionEvent).reason as unknown;
      seen.push(`unhandled rejection: ${reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason)}`);
    });
  }, KEY);
}

async function collected(worker: Worker): Promise<string[] | null> {
  return worker.evaluate((key) => {
    const seen = (globalThis as unknown as Record<string, unknown>)[key];
    return Array.isArray(seen) ? (seen as string[]).slice() : null;
  }, KEY);
}

export async function watchServiceWorker(browser: LaunchedBrowser): Promise<WorkerWatch> {
  const { context } = browser;
  let worker = browser.serviceWorker!;
  const consoleErrors: string[] = [];
  /** Errors of workers that stopped (MV3 workers can be restarted): kept, and the new worker watched. */
  const earlier: string[] = [];
  context.on('console', (message) => {
    if (message.worker() && message.type() === 'error') consoleErrors.push(`console.error: ${message.text()}`);
  });
  context.on('serviceworker', (next) => {
    if (!next.url().startsWith(`chrome-extension://${browser.extensionId}/`)) return;
    void collected(worker)
      .catch(() => null)
      .then((seen) => {
        earlier.push(...(seen ?? []));
        worker = next;
        return install(next);
      })
      .catch(() => undefined);
  });
  await install(worker);

  // Self-test: an uncaught error and an unhandled rejection are seen, then forgotten.
  await worker.evaluate(() => {
    setTimeout(() => {
      throw new Error('fault-matrix self-test');
    });
    void Promise.reject(new Error('fault-matrix self-test'));
  });
  const deadline = Date.now() + 5_000;
  let seen: string[] = [];
  while (Date.now() < deadline && seen.length < 2) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    seen = (await collected(worker)) ?? [];
  }
  if (seen.length < 2) throw new Error(`the service-worker watcher did not see its self-test: ${JSON.stringify(seen)}`);
  await worker.evaluate((key) => ((globalThis as unknown as Record<string, string[]>)[key]!.length = 0), KEY);

  return {
    async errors() {
      const current = await collected(worker).catch(() => null);
      if (current === null) await install(worker).catch(() => undefined);
      return [...earlier, ...(current ?? []), ...consoleErrors];
    },
  };
}
