/**
 * Reading again while a page is still filling in: CRMs render the record shell first and load
 * panels (related lists, collapsed sections) a moment later. `readWhenSettled` reads once; while
 * the reading is incomplete it reads again after each burst of page changes, and stops as soon as
 * the reading is complete, the page has been still for `idleMs`, or `timeoutMs` has passed. A field
 * that is simply not on this page therefore costs at most `idleMs`, not the whole timeout.
 * The page-change subscription is injected (the content script passes a MutationObserver on the
 * record area, disconnected when done), so this stays global-free and testable. Zod-free.
 */

/** Subscribe to page changes; returns the unsubscribe function. */
export type ObservePage = (onChange: () => void) => () => void;

export interface SettleOptions {
  observe?: ObservePage;
  /** Answer with the last reading after this long whatever happens (default 2500 ms). */
  timeoutMs?: number;
  /** Read again once the page has been quiet this long after a change (default 100 ms). */
  quietMs?: number;
  /** Stop waiting when the page has not changed for this long (default 400 ms). */
  idleMs?: number;
  signal?: AbortSignal;
}

export function readWhenSettled<T>(read: () => T, isComplete: (reading: T) => boolean, options: SettleOptions = {}): Promise<T> {
  let latest = read();
  const { observe, timeoutMs = 2500, quietMs = 100, idleMs = 400, signal } = options;
  if (isComplete(latest) || !observe || signal?.aborted) return Promise.resolve(latest);
  return new Promise<T>((resolve) => {
    let quiet: ReturnType<typeof setTimeout> | undefined;
    let idle: ReturnType<typeof setTimeout> | undefined;
    let settled = false;
    const finish = (readAgain: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(quiet);
      clearTimeout(idle);
      clearTimeout(deadline);
      unsubscribe();
      signal?.removeEventListener('abort', onAbort);
      if (readAgain) latest = read();
      resolve(latest);
    };
    const onAbort = () => finish(false);
    const waitIdle = () => {
      clearTimeout(idle);
      idle = setTimeout(() => finish(true), idleMs);
    };
    const unsubscribe = observe(() => {
      if (settled) return;
      waitIdle();
      clearTimeout(quiet);
      quiet = setTimeout(() => {
        if (settled) return;
        latest = read();
        if (isComplete(latest)) finish(false);
      }, quietMs);
    });
    const deadline = setTimeout(() => finish(true), timeoutMs);
    waitIdle();
    signal?.addEventListener('abort', onAbort);
  });
}
