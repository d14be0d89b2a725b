/**
 * Wait until the CRM has rendered the record (a selector matches), cheaply: one check now,
 * then a childList observer on <body> that lives only until the element appears, the wait
 * times out, or the run is aborted (SPA navigation, invalidation). Resolves true when found.
 * Mutation records are already batched per task, so this is one query per batch.
 */
export function waitFor(selector: string, signal: AbortSignal, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    if (document.querySelector(selector)) return resolve(true);
    const done = (found: boolean) => {
      observer.disconnect();
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(found);
    };
    const onAbort = () => done(false);
    const observer = new MutationObserver(() => {
      if (document.querySelector(selector)) done(true);
    });
    const timer = setTimeout(() => done(false), timeoutMs);
    signal.addEventListener('abort', onAbort, { once: true });
    observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true });
  });
}
