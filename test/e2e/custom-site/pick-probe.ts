/**
 * The pick-mode banner lives in a CLOSED shadow root (<deal-coach-pick>), like the sidebar: read it
 * and press its buttons through the DevTools protocol (DOM.getDocument with pierce), as
 * test/e2e/sidebar.ts does for the sidebar. No test hooks in the extension.
 */
import type { CDPSession, Page } from 'playwright-core';

interface DomNode {
  backendNodeId: number;
  nodeName: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

const CLICK = `function (wanted) {
  const name = (el) => (el.getAttribute('aria-label') || el.textContent || '').replace(/\\s+/g, ' ').trim();
  const el = [...this.querySelectorAll('button')].find((b) => new RegExp(wanted, 'i').test(name(b)));
  if (!el) return null;
  el.click();
  return name(el);
}`;
const TEXT = `function () { const el = this.querySelector('.dc-cc-pick'); return el ? (el.textContent || '').replace(/\\s+/g, ' ').trim() : null; }`;

export class PickProbe {
  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async attach(page: Page): Promise<PickProbe> {
    return new PickProbe(page, await page.context().newCDPSession(page));
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
  }

  private async shadow(): Promise<DomNode | null> {
    const { root } = (await this.cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    let found: DomNode | null = null;
    const walk = (node: DomNode) => {
      if (node.nodeName === 'DEAL-COACH-PICK' && node.shadowRoots?.[0]) found = node.shadowRoots[0];
      node.children?.forEach(walk);
    };
    walk(root);
    return found;
  }

  private async call<T>(fn: string, args: unknown[] = []): Promise<T | null> {
    const shadow = await this.shadow();
    if (!shadow) return null;
    const { object } = (await this.cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId })) as { object: { objectId?: string } };
    const { result } = (await this.cdp.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration: fn, arguments: args.map((value) => ({ value })), returnByValue: true })) as {
      result: { value?: T };
    };
    return result.value ?? null;
  }

  /** The banner's text, or null when pick mode is not shown. */
  text(): Promise<string | null> {
    return this.call<string>(TEXT);
  }

  async waitForText(check: (text: string) => boolean, timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let last: string | null = null;
    while (Date.now() < deadline) {
      last = await this.text().catch(() => null);
      if (last !== null && check(last)) return last;
      await this.page.waitForTimeout(50);
    }
    throw new Error(`Pick banner did not match within ${timeoutMs} ms. Last text: ${last ?? '(no banner)'}`);
  }

  async click(name: string): Promise<void> {
    const clicked = await this.call<string>(CLICK, [name]);
    if (clicked === null) throw new Error(`No pick-banner button matching ${name}; banner: ${await this.text()}`);
  }
}
