/**
 * Custom CRM pages (issue #7), injected by the background on first need (scripting.executeScript,
 * into the content scripts' isolated world) instead of riding in the always-on content script
 * (DESIGN §8 budget; only custom-CRM tabs need it). Wiring only:
 *   readDom   → the raw texts the profile points at, once the page has settled (lib/crm/custom/content);
 *               then keeps watching: when those texts change (a collapsed panel loaded by XHR, a
 *               section filled later) it tells the background, which reads and coaches again.
 *   beginPick → the pick-mode banner (./pick-ui.tsx); the admin's choice goes to the background.
 * No zod here: the background validates everything this script sends.
 */
import { browser } from 'wxt/browser';
import { answerReadDom, followTexts, isReadDomRequest, readRawFromPage, readWhenSettled, type ReadDomRequest } from '../../lib/crm/custom/content';
import { backgroundMessenger, tabMessenger } from '../../lib/platform/content-messaging';
import type { DoneReply } from '../../lib/platform/protocol';
import { startPickUi, type PickUi } from './pick-ui';


const INSTALLED = Symbol.for('deal-coach.custom-crm');

export default defineUnlistedScript(() => {
  // Injected again after each page load (and harmlessly again on a retry): one set of listeners per page.
  const world = globalThis as unknown as Record<symbol, boolean>;
  if (world[INSTALLED]) return;
  world[INSTALLED] = true;

  const fromExtension = (sender: { id?: string }) => sender.id === browser.runtime.id;
  const refused: DoneReply = { kind: 'error', errorKind: 'refused', message: 'Deal Coach refused an unexpected request.' };
  let stopWatching: (() => void) | null = null;
  let pick: PickUi | null = null;
  let lastReadUrl: string | null = null;

  /** Page changes inside the body, for readWhenSettled and the watcher. */
  const observe = (onChange: () => void) => {
    const observer = new MutationObserver(onChange);
    observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  };

  tabMessenger.onMessage('readDom', async ({ data, sender }) => {
    if (!fromExtension(sender) || !isReadDomRequest(data)) return refused;
    const request: ReadDomRequest = data;
    stopWatching?.();
    // After an in-page navigation (hash routers such as Tryton's sao) the previous record may still be
    // on screen for a moment: let the page settle before reading, so its texts are not taken for the new record's.
    if (lastReadUrl !== null && lastReadUrl !== location.href) await readWhenSettled(() => null, () => false, { observe, idleMs: 300, timeoutMs: 2000 });
    lastReadUrl = location.href;
    const reply = await answerReadDom(document, request, location.href, { observe });
    stopWatching = followTexts({
      observe,
      read: () => readRawFromPage(document, request.profile),
      initial: reply.raw,
      url: () => location.href,
      readUrl: reply.url,
      onChanged: (url) => void backgroundMessenger.sendMessage('customPageChanged', { url }).catch(() => undefined),
    });
    return reply;
  });

  tabMessenger.onMessage('beginPick', ({ data, sender }) => {
    if (!fromExtension(sender) || typeof data?.requestId !== 'string' || typeof data.label !== 'string') return refused;
    pick?.close();
    const { requestId } = data;
    pick = startPickUi({
      label: data.label,
      what: data.what === 'list' ? 'list' : 'value',
      onDone: (outcome) => {
        pick = null;
        void backgroundMessenger.sendMessage('pickResult', { requestId, outcome }).catch(() => undefined);
      },
    });
    return { kind: 'done' };
  });

  tabMessenger.onMessage('endPick', ({ sender }) => {
    if (!fromExtension(sender)) return refused;
    pick?.close();
    pick = null;
    return { kind: 'done' };
  });
});
