/**
 * After a custom CRM page has been read, keep following it: CRMs fill collapsed panels, related
 * lists and tabs by XHR long after the record shell (or only when the person expands them). When
 * the texts the profile points at change, the content side says so once the page is quiet again,
 * and the background reads and coaches the record again (issue #7: "re-read when the region
 * changes"). Comparing the texts, not the DOM, keeps our own sidebar and unrelated page churn from
 * triggering reads. Zod-free, global-free: the page subscription and clock are injected.
 */
import type { RawPageReading, ReadDomRequest } from './read-raw';
import type { ObservePage } from './settle';

export interface FollowOptions {
  observe: ObservePage;
  /** Read the profile's texts from the page now. */
  read(): RawPageReading;
  /** What the background was last given. */
  initial: RawPageReading;
  /** The page URL now, and the one the reading was for: after a navigation this watcher stops (the next read starts another). */
  url(): string;
  readUrl: string;
  onChanged(url: string): void;
  /** Read once the page has been quiet this long (default 400 ms). */
  quietMs?: number;
  /** At most one report per this many ms (default 1500), so a page that never stops changing cannot flood the background. */
  minIntervalMs?: number;
  now?: () => number;
}

/** Start following; returns the function that stops it. */
export function followTexts(options: FollowOptions): () => void {
  const { quietMs = 400, minIntervalMs = 1500, now = Date.now } = options;
  let last = JSON.stringify(options.initial);
  let lastReport = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    unsubscribe();
  };
  const check = () => {
    if (stopped) return;
    const url = options.url();
    if (url !== options.readUrl) return stop();
    const key = JSON.stringify(options.read());
    if (key === last) return;
    const wait = lastReport + minIntervalMs - now();
    if (wait > 0) {
      timer = setTimeout(check, wait);
      return;
    }
    last = key;
    lastReport = now();
    options.onChanged(url);
  };
  const unsubscribe = options.observe(() => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(check, quietMs);
  });
  return stop;
}

/** A plausible `readDom` request (the background sends an already-validated profile; this only guards the shape). */
export function isReadDomRequest(data: unknown): data is ReadDomRequest {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as { profile?: unknown; url?: unknown };
  if (typeof d.url !== 'string' || typeof d.profile !== 'object' || d.profile === null) return false;
  const p = d.profile as { fields?: unknown; extraFields?: unknown; urlPattern?: unknown };
  return typeof p.fields === 'object' && p.fields !== null && Array.isArray(p.extraFields) && typeof p.urlPattern === 'string';
}
