/**
 * Who may ask the background what (DESIGN §9). Pure: the browser's MessageSender in, a verdict
 * out, so the rules are unit-tested without a browser.
 */

/** The parts of `runtime.MessageSender` the checks read. */
export interface SenderLike {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

/** A content script in a web page tab, or one of our own pages (popup, options, review). */
export type SenderKind = 'content-script' | 'extension-page';

export type SenderVerdict = { ok: true; kind: SenderKind; tabId: number | null } | { ok: false; reason: string };

/**
 * Accept only messages from this extension, and only from the kind of context a message is for:
 * a CRM page's content script (top frame) or an extension page. `own.origin` is
 * `browser.runtime.getURL('')` (chrome-extension://<id>/ or moz-extension://<uuid>/).
 */
export function checkSender(sender: SenderLike | undefined, own: { id: string; origin: string }, allowed: readonly SenderKind[]): SenderVerdict {
  if (!sender || !own.id || sender.id !== own.id) return { ok: false, reason: 'message from another extension or a web page' };
  const ownPage = sender.url !== undefined && originOf(sender.url) === originOf(own.origin);
  const kind: SenderKind | null = isHttp(sender.url) && sender.tab?.id !== undefined ? 'content-script' : ownPage ? 'extension-page' : null;
  if (kind === null) return { ok: false, reason: 'message from an unknown context' };
  if (!allowed.includes(kind)) return { ok: false, reason: `${kind} may not send this message` };
  if (kind === 'content-script' && sender.frameId !== undefined && sender.frameId !== 0) return { ok: false, reason: 'message from a sub-frame' };
  return { ok: true, kind, tabId: sender.tab?.id ?? null };
}

/**
 * A content script may ask about a URL only on its own tab's origin, so a compromised or
 * confused frame cannot make the background read another CRM host with its credentials.
 */
export function checkSameOrigin(requestedUrl: string, sender: SenderLike | undefined): { ok: true; origin: string } | { ok: false; reason: string } {
  const requested = originOf(requestedUrl);
  const tabOrigin = originOf(sender?.tab?.url ?? sender?.url ?? '');
  if (!requested || !tabOrigin) return { ok: false, reason: 'unknown origin' };
  if (requested !== tabOrigin) return { ok: false, reason: `URL origin ${requested} is not the tab's origin ${tabOrigin}` };
  return { ok: true, origin: requested };
}

/** `scheme://host[:port]` of a URL, or null when it is not one. */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'chrome-extension:' || parsed.protocol === 'moz-extension:') return `${parsed.protocol}//${parsed.host}`;
    return parsed.origin === 'null' ? null : parsed.origin;
  } catch {
    return null;
  }
}

function isHttp(url: string | undefined): boolean {
  return url !== undefined && /^https?:\/\//i.test(url);
}
