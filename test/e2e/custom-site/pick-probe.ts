/**
 * The pick-mode banner lives in a CLOSED shadow root (<deal-coach-pick>), like the sidebar: read it
 * and press its buttons through the DevTools protocol with the sidebar's probe (test/e2e/sidebar.ts).
 * No test hooks in the extension.
 */
import type { Page } from 'playwright-core';
import { SidebarProbe } from '../sidebar';

export type PickProbe = SidebarProbe;
export const PickProbe = {
  attach: (page: Page): Promise<PickProbe> => SidebarProbe.attach(page, { hostTag: 'DEAL-COACH-PICK', textRoot: '.dc-cc-pick' }),
};
