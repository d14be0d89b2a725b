/**
 * Read the Deal Coach sidebar from its CLOSED shadow root, as a person would see it, through
 * the DevTools protocol: `DOM.getDocument({ pierce: true })` includes closed shadow roots, then
 * `DOM.resolveNode` + `Runtime.callFunctionOn` read text, find buttons by accessible name and
 * click them. No test hooks in the extension: this is the only way in.
 */
import type { CDPSession, Page } from 'playwright-core';

export const HOST_TAG = 'DEAL-COACH-SIDEBAR';

/** Which closed shadow root a probe reads: its host element's tag, and the element whose text is "what it shows" (not its <style>). */
export interface ProbeTarget {
  hostTag: string;
  textRoot: string;
}
const SIDEBAR: ProbeTarget = { hostTag: HOST_TAG, textRoot: '.dc-root' };

interface DomNode {
  nodeId: number;
  backendNodeId: number;
  nodeName: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
}

/** Functions run with `this` = the sidebar's ShadowRoot (in the page's main world: the DOM is shared). */
const IN_SHADOW = {
  // Read until two reads a frame apart agree: sections with content-visibility: auto
  // (sidebar.css) are left out of innerText until a frame has decided they are near the viewport,
  // so a read in the same task as a render misses them. Frames are bounded: a hidden tab runs none.
  text: `async function (selector) {
    const root = this.querySelector(selector) || this;
    const read = () => (root.innerText ?? root.textContent ?? '').replace(/[ \\t]+/g, ' ').trim();
    const frame = () => new Promise((done) => { setTimeout(done, 250); requestAnimationFrame(() => requestAnimationFrame(done)); });
    let last = read();
    for (let i = 0; i < 5; i++) {
      await frame();
      const now = read();
      if (now === last) return now;
      last = now;
    }
    return last;
  }`,
  visible: `function () {
    const root = this.querySelector('.dc-root');
    if (!root) return false;
    const r = root.getBoundingClientRect();
    const s = getComputedStyle(root);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
  }`,
  /** Accessible names of buttons and links, in document order. */
  controls: `function () {
    const name = (el) => (el.getAttribute('aria-label') || el.textContent || el.getAttribute('title') || '').replace(/\\s+/g, ' ').trim();
    return [...this.querySelectorAll('button, a[href], [role="button"]')].map(name);
  }`,
  click: `function (wanted, exact) {
    const name = (el) => (el.getAttribute('aria-label') || el.textContent || el.getAttribute('title') || '').replace(/\\s+/g, ' ').trim();
    const re = exact ? null : new RegExp(wanted, 'i');
    const el = [...this.querySelectorAll('button, a[href], [role="button"]')].find((e) => (exact ? name(e) === wanted : re.test(name(e))));
    if (!el) return null;
    el.click();
    return name(el);
  }`,
  focused: `function () {
    const el = this.activeElement;
    if (!el) return null;
    return (el.getAttribute('aria-label') || el.textContent || '').replace(/\\s+/g, ' ').trim();
  }`,
  theme: `function () {
    const root = this.querySelector('.dc-root');
    if (!root) return null;
    return { theme: root.getAttribute('data-theme'), background: getComputedStyle(root).backgroundColor };
  }`,
};

export class SidebarProbe {
  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
    private readonly target: ProbeTarget,
  ) {}

  /** The sidebar by default; the pick-mode banner (test/e2e/custom-site/pick-probe.ts) is another closed shadow root read the same way. */
  static async attach(page: Page, target: ProbeTarget = SIDEBAR): Promise<SidebarProbe> {
    const cdp = await page.context().newCDPSession(page);
    return new SidebarProbe(page, cdp, target);
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
  }

  /** Every Deal Coach host element in the page, closed shadow roots included. */
  private async hostNodes(): Promise<DomNode[]> {
    const { root } = (await this.cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const found: DomNode[] = [];
    const walk = (node: DomNode) => {
      if (node.nodeName === this.target.hostTag) found.push(node);
      node.children?.forEach(walk);
      node.shadowRoots?.forEach(walk);
      if (node.contentDocument) walk(node.contentDocument);
    };
    walk(root);
    return found;
  }

  /** How many Deal Coach sidebars the page holds (must be 0 or 1). */
  async hostCount(): Promise<number> {
    return (await this.hostNodes()).length;
  }

  private async call<T>(fn: string, args: unknown[] = []): Promise<T | null> {
    const [host] = await this.hostNodes();
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) return null;
    const { object } = (await this.cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId, objectGroup: 'probe' })) as { object: { objectId?: string } };
    if (!object.objectId) return null;
    try {
      const { result, exceptionDetails } = (await this.cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration: fn,
        arguments: args.map((value) => ({ value })),
        returnByValue: true,
        awaitPromise: true,
      })) as { result: { value?: T }; exceptionDetails?: { text: string } };
      if (exceptionDetails) throw new Error(`sidebar probe failed: ${exceptionDetails.text}`);
      return result.value ?? null;
    } finally {
      await this.cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'probe' }).catch(() => undefined);
    }
  }

  /** The sidebar's visible text, or null when there is no sidebar. */
  text(): Promise<string | null> {
    return this.call<string>(IN_SHADOW.text, [this.target.textRoot]);
  }

  async visible(): Promise<boolean> {
    return (await this.call<boolean>(IN_SHADOW.visible)) === true;
  }

  /** Accessible names of the sidebar's buttons and links. */
  async controls(): Promise<string[]> {
    return (await this.call<string[]>(IN_SHADOW.controls)) ?? [];
  }

  /** Click the first button or link whose accessible name matches (a regex source, or exact text). Returns its name. */
  async click(name: string | RegExp): Promise<string> {
    const clicked = await this.call<string>(IN_SHADOW.click, typeof name === 'string' ? [name, true] : [name.source, false]);
    if (clicked === null) throw new Error(`No sidebar control named ${String(name)}; controls: ${(await this.controls()).join(' | ')}`);
    return clicked;
  }

  /** Accessible name of the focused element inside the sidebar, or null. */
  focused(): Promise<string | null> {
    return this.call<string>(IN_SHADOW.focused);
  }

  theme(): Promise<{ theme: string | null; background: string } | null> {
    return this.call(IN_SHADOW.theme);
  }

  /** Wait until the sidebar's text satisfies `check` (or the timeout passes); returns the text. */
  async waitForText(check: (text: string) => boolean, timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let last: string | null = null;
    while (Date.now() < deadline) {
      last = await this.text().catch(() => null);
      if (last !== null && check(last)) return last;
      await this.page.waitForTimeout(25);
    }
    throw new Error(`Sidebar text did not match within ${timeoutMs} ms. Last text:\n${last ?? '(no sidebar)'}`);
  }

  /** Wait until no sidebar is in the page. */
  async waitForGone(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if ((await this.hostCount()) === 0) return;
      await this.page.waitForTimeout(25);
    }
    throw new Error('The sidebar is still in the page.');
  }

  /** Page-wide counters: event listeners, DOM nodes, JS heap (CDP Performance domain). */
  async metrics(): Promise<Record<string, number>> {
    await this.cdp.send('Performance.enable');
    const { metrics } = (await this.cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
    return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
  }

  /** Event listeners on window and document (all worlds), via DOMDebugger. */
  async globalListenerCount(): Promise<number> {
    let total = 0;
    for (const expression of ['window', 'document']) {
      const { result } = (await this.cdp.send('Runtime.evaluate', { expression, objectGroup: 'probe' })) as { result: { objectId?: string } };
      if (!result.objectId) continue;
      const { listeners } = (await this.cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId, depth: 0 })) as { listeners: unknown[] };
      total += listeners.length;
    }
    await this.cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'probe' }).catch(() => undefined);
    return total;
  }
}
