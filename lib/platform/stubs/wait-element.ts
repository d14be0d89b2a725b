/**
 * Build-time stand-in for `@1natsu/wait-element` (aliased in wxt.config.ts). WXT's content-script
 * UI imports it only for `ui.autoMount()`, which Deal Coach does not use: the content script
 * mounts and removes its one sidebar itself. Stubbing it keeps ~1.3 kB gzipped (with its
 * `defu` and `many-keys-map` dependencies) out of the content script's 20 kB budget.
 */
export function waitElement(): Promise<never> {
  return Promise.reject(new Error('Deal Coach does not use autoMount'));
}

export const isExist = (element: unknown): boolean => element != null;
export const isNotExist = (element: unknown): boolean => element == null;
