/**
 * Toolbar popup: the signed-in rep's personal summary (background `getPersonalSummary`),
 * rendered by components/popup. Wiring only.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '../../components/popup';
import type { PopupState } from '../../components/types';
import { backgroundMessenger } from '../../lib/platform/messaging';
import './popup-page.css';

function paint(root: HTMLElement, state: PopupState): void {
  render(
    <Popup
      state={state}
      now={new Date().toISOString()}
      onOpenReview={({ ownerId, severity }) => {
        const query = new URLSearchParams({ owner: ownerId, severity });
        void browser.tabs.create({ url: browser.runtime.getURL(`/review.html?${query}`) }).then(() => window.close());
      }}
      onOpenOptions={() => void browser.runtime.openOptionsPage().then(() => window.close())}
    />,
    root,
  );
}

async function main(): Promise<void> {
  const root = document.getElementById('app')!;
  paint(root, { kind: 'loading' });
  let state: PopupState;
  try {
    const reply = await backgroundMessenger.sendMessage('getPersonalSummary', undefined);
    state = reply.kind === 'error' ? { kind: 'error', message: reply.message } : reply;
  } catch (error) {
    state = { kind: 'error', message: `Deal Coach could not reach its background service (${error instanceof Error ? error.message : String(error)}).` };
  }
  paint(root, state);
}

void main();
