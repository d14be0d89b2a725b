/**
 * Every CRM the extension knows, in one list. Adding a CRM is one line here (plus its
 * match patterns in wxt.config.ts). Pure: URLs in, adapters out.
 */
import type { RecordRef } from '../model';
import type { CrmAdapter } from './types';
import type { CustomRegistry } from './custom/registry';
import { demoAdapter } from './demo';
import { tryton } from './tryton';
import { salesforce } from './salesforce';
import { dynamics } from './dynamics';
import { hubspot } from './hubspot';
import { pipedrive } from './pipedrive';
import { isLoopbackOrigin } from './hosts';

export interface RegisteredCrm {
  adapter: CrmAdapter;
  /**
   * CSS selector that is present once the CRM has rendered this record, so the sidebar appears
   * beside the right deal after an SPA navigation. Omitted: show as soon as the URL matches.
   */
  recordReady?(ref: RecordRef): string;
  /**
   * Self-hosted (Tryton): its record URLs carry no vendor domain, so it is recognised only on
   * loopback (development, CI) and on the custom origins the person named it for in options.
   */
  selfHosted?: boolean;
}

/** Custom origins the person named a built-in CRM for in options (`http://crm.lan:8000` → `tryton`), permission granted. */
export type CustomOrigins = ReadonlyMap<string, string>;

export const CRMS: readonly RegisteredCrm[] = [
  { adapter: demoAdapter, recordReady: (ref) => `main[data-record-id="${cssString(ref.id)}"]` },
  // sao keeps every opened record as a tab pane; only the active one is on screen, and its form names fields by their technical name.
  { adapter: tryton, recordReady: () => '#tabcontent > .tab-pane.active [name="end_date"]', selfHosted: true },
  // Vendor record containers (assumed from the vendors' current markup, not verified against live pages;
  // if a vendor renames them the sidebar still shows after the render timeout). The e2e fake pages render them.
  { adapter: salesforce, recordReady: () => 'one-record-home-flexipage2, records-lwc-highlights-panel' },
  { adapter: dynamics, recordReady: () => '[data-id="editFormRoot"]' },
  { adapter: hubspot, recordReady: () => '[data-selenium-test="highlightTitle"]' },
  { adapter: pipedrive, recordReady: () => '[data-testid="deal-details"], .dealDetails' },
];

/**
 * The adapter for a page URL. Custom CRM profiles (`custom`, from settings or admin policy) are
 * consulted FIRST: a profile is an admin's explicit statement about these very pages (its match
 * pattern and record-URL rule must both match), so where one is configured it wins over a built-in
 * adapter that happens to match the same URL — e.g. a custom profile on the Tryton form, written
 * because that Tryton is customised or reads fields the built-in adapter does not. Everywhere else
 * the built-in adapters answer as before. On a custom origin named for a built-in CRM
 * (`customOrigins`) only that CRM is tried; a self-hosted CRM is tried nowhere else but loopback.
 */
export function adapterFor(url: string, custom?: CustomRegistry | null, customOrigins: CustomOrigins = new Map()): { adapter: CrmAdapter; ref: RecordRef; readySelector: string | null } | null {
  if (custom) {
    try {
      const match = custom.adapterFor(url);
      if (match) return { adapter: match.adapter, ref: match.ref, readySelector: match.readySelector };
    } catch {
      // A profile that cannot judge this URL does not stop the built-in adapters.
    }
  }
  const origin = URL.canParse(url) ? new URL(url).origin : '';
  const named = customOrigins.get(origin);
  for (const crm of CRMS) {
    if (named !== undefined ? crm.adapter.id !== named : crm.selfHosted && !isLoopbackOrigin(origin)) continue;
    let ref: RecordRef | null = null;
    try {
      ref = crm.adapter.matches(url);
    } catch {
      ref = null;
    }
    if (ref) return { adapter: crm.adapter, ref, readySelector: crm.recordReady?.(ref) ?? null };
  }
  return null;
}

export function adapterById(id: string): CrmAdapter | null {
  return CRMS.find((crm) => crm.adapter.id === id)?.adapter ?? null;
}

/** Escape a value for use inside a double-quoted CSS attribute selector. */
function cssString(value: string): string {
  return value.replace(/["\\]/g, '\\$&').replace(/\n/g, '\\a ');
}
