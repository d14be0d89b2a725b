/**
 * Every CRM the extension knows, in one list. Adding a CRM is one line here (plus its
 * match patterns in wxt.config.ts). Pure: URLs in, adapters out.
 */
import type { RecordRef } from '../model';
import type { CrmAdapter } from './types';
import { demoAdapter } from './demo';
import { tryton } from './tryton';
import { salesforce } from './salesforce';
import { dynamics } from './dynamics';
import { hubspot } from './hubspot';
import { pipedrive } from './pipedrive';

export interface RegisteredCrm {
  adapter: CrmAdapter;
  /**
   * CSS selector that is present once the CRM has rendered this record, so the sidebar appears
   * beside the right deal after an SPA navigation. Omitted: show as soon as the URL matches.
   */
  recordReady?(ref: RecordRef): string;
}

export const CRMS: readonly RegisteredCrm[] = [
  { adapter: demoAdapter, recordReady: (ref) => `main[data-record-id="${cssString(ref.id)}"]` },
  // sao keeps every opened record as a tab pane; only the active one is on screen, and its form names fields by their technical name.
  { adapter: tryton, recordReady: () => '#tabcontent > .tab-pane.active [name="end_date"]' },
  // Vendor record containers (assumed from the vendors' current markup, not verified against live pages;
  // if a vendor renames them the sidebar still shows after the render timeout). The e2e fake pages render them.
  { adapter: salesforce, recordReady: () => 'one-record-home-flexipage2, records-lwc-highlights-panel' },
  { adapter: dynamics, recordReady: () => '[data-id="editFormRoot"]' },
  { adapter: hubspot, recordReady: () => '[data-selenium-test="highlightTitle"]' },
  { adapter: pipedrive, recordReady: () => '[data-testid="deal-details"], .dealDetails' },
];

export function adapterFor(url: string): { adapter: CrmAdapter; ref: RecordRef; readySelector: string | null } | null {
  for (const crm of CRMS) {
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
