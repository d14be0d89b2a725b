/**
 * The content script's side of the extension messages: the same API subset and the same wire
 * format as @webext-core/messaging (messaging.ts) — `{ id, type, data, timestamp }` answered by
 * `{ res }` or `{ err }` — in a few lines, so the content script does not carry the library and
 * its error serialiser (~1.2 kB gzipped, DESIGN §8). The background and the extension pages keep
 * using messaging.ts; both ends interoperate.
 */
import { browser, type Browser } from 'wxt/browser';
import type { BackgroundProtocol, TabProtocol } from './protocol';

type Sender = Browser.runtime.MessageSender;
type Message = { id: number; type: string; data: unknown; timestamp: number };

let seq = Math.floor(Math.random() * 1e4);

/** Content script → background. Rejects when the background cannot be reached or its handler threw. */
export const backgroundMessenger = {
  async sendMessage<K extends keyof BackgroundProtocol>(type: K, ...[data]: Parameters<BackgroundProtocol[K]>): Promise<ReturnType<BackgroundProtocol[K]>> {
    const message: Message = { id: seq++, type, data, timestamp: Date.now() };
    const reply = (await browser.runtime.sendMessage(message)) as { res?: unknown; err?: { message?: string } } | undefined;
    if (!reply) throw new Error('No response');
    if (reply.err != null) throw new Error(reply.err.message ?? 'Deal Coach background error');
    return reply.res as ReturnType<BackgroundProtocol[K]>;
  },
};

type TabHandler = (message: { data: never; sender: Sender }) => unknown;
const handlers: Partial<Record<keyof TabProtocol, TabHandler>> = {};
let removeRoot: (() => void) | null = null;

function rootListener(message: unknown, sender: Sender, sendResponse: (reply: unknown) => void): boolean {
  const m = message as Partial<Message> | null;
  if (typeof m !== 'object' || m === null || typeof m.type !== 'string' || typeof m.timestamp !== 'number') return false;
  const handler = handlers[m.type as keyof TabProtocol];
  if (!handler) return false;
  void Promise.resolve()
    .then(() => handler({ data: m.data as never, sender }))
    .then(
      (res) => ({ res }),
      (error: unknown) => ({ err: { name: 'Error', message: error instanceof Error ? error.message : String(error) } }),
    )
    .then(sendResponse);
  return true;
}

/** Background → this tab: one handler per message type; returns a function removing it. */
export const tabMessenger = {
  onMessage<K extends keyof TabProtocol>(type: K, handler: (message: { data: Parameters<TabProtocol[K]>[0]; sender: Sender }) => ReturnType<TabProtocol[K]> | Promise<ReturnType<TabProtocol[K]>>): () => void {
    if (handlers[type]) throw new Error(`Deal Coach: only one listener for ${type}`);
    handlers[type] = handler as TabHandler;
    if (!removeRoot) {
      browser.runtime.onMessage.addListener(rootListener);
      removeRoot = () => browser.runtime.onMessage.removeListener(rootListener);
    }
    return () => {
      delete handlers[type];
      if (Object.keys(handlers).length === 0) {
        removeRoot?.();
        removeRoot = null;
      }
    };
  },
};
