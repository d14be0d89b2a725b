/**
 * The background's one entry point for messages: a typed map of handlers keyed by message
 * name. Each message is checked (sender, then payload through zod) before its handler runs,
 * and whatever goes wrong comes back as `{ kind: 'error' }`, never as a thrown error.
 */
import { browser } from 'wxt/browser';
import type { z } from 'zod';
import { checkSender, type SenderKind, type SenderLike } from './guards';
import { backgroundMessenger } from './messaging';
import type { BackgroundMessage, BackgroundProtocol, ErrorReply, ReplyErrorKind } from './protocol';
import { REQUEST_SCHEMAS } from './schemas';

type Request<K extends BackgroundMessage> = z.output<(typeof REQUEST_SCHEMAS)[K]>;
type Reply<K extends BackgroundMessage> = ReturnType<BackgroundProtocol[K]>;

export interface HandlerContext {
  sender: SenderLike;
  /** The sender's tab, when it has one. */
  tabId: number | null;
}

export interface Handler<K extends BackgroundMessage> {
  /** Who may send it: CRM pages' content scripts, our own pages, or both. */
  from: readonly SenderKind[];
  handle(request: Request<K>, context: HandlerContext): Promise<Reply<K>>;
}

export type HandlerMap = { [K in BackgroundMessage]: Handler<K> };

/** An error reply that fits every message's reply type. */
export function errorReply(errorKind: ReplyErrorKind, message: string): ErrorReply & { crmLabel: string } {
  return { kind: 'error', errorKind, message, crmLabel: 'Deal Coach' };
}

/** Validate and dispatch one message. Exported for unit tests with a fake sender. */
export async function dispatch<K extends BackgroundMessage>(
  name: K,
  handler: Handler<K>,
  data: unknown,
  sender: SenderLike | undefined,
  own: { id: string; origin: string },
): Promise<Reply<K>> {
  const verdict = checkSender(sender, own, handler.from);
  if (!verdict.ok) return errorReply('refused', `Refused "${name}": ${verdict.reason}.`) as Reply<K>;
  const parsed = REQUEST_SCHEMAS[name].safeParse(data);
  if (!parsed.success) return errorReply('bad-request', `Refused "${name}": ${parsed.error.issues[0]?.message ?? 'invalid request'}.`) as Reply<K>;
  try {
    return await handler.handle(parsed.data as Request<K>, { sender: sender!, tabId: verdict.tabId });
  } catch (error) {
    console.error(`Deal Coach: "${name}" failed`, error);
    return errorReply('internal', `Deal Coach hit an unexpected problem: ${error instanceof Error ? error.message : String(error)}`) as Reply<K>;
  }
}

/** Register every handler; returns a function removing them all. */
export function registerHandlers(handlers: HandlerMap): () => void {
  const own = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  const removers = (Object.keys(handlers) as BackgroundMessage[]).map((name) =>
    backgroundMessenger.onMessage(name, (message) => dispatch(name, handlers[name] as Handler<typeof name>, message.data, message.sender, own) as never),
  );
  return () => removers.forEach((remove) => remove());
}
