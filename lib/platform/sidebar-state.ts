/**
 * The sidebar's remembered UI state: collapsed to a tab or not, across navigation, reloads and
 * tabs. The content script uses this tiny accessor over `storage.local` instead of
 * @wxt-dev/storage (≈4 kB gzipped) to stay in its budget (DESIGN §8); it is the same key as
 * the `sidebarCollapsed` item settings.ts defines for extension pages.
 */
import { browser } from 'wxt/browser';

export const SIDEBAR_COLLAPSED_KEY = 'sidebarCollapsed';

export const sidebarCollapsedState = {
  async getValue(): Promise<boolean> {
    const stored = await browser.storage.local.get(SIDEBAR_COLLAPSED_KEY);
    return stored[SIDEBAR_COLLAPSED_KEY] === true;
  },
  setValue(value: boolean): Promise<void> {
    return browser.storage.local.set({ [SIDEBAR_COLLAPSED_KEY]: value });
  },
  /** Follow changes made in other tabs; returns the function that stops watching. */
  watch(callback: (value: boolean) => void): () => void {
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      const change = changes[SIDEBAR_COLLAPSED_KEY];
      if (area === 'local' && change) callback(change.newValue === true);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  },
};
