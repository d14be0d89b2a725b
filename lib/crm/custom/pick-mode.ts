/**
 * Pick on page, for the script injected into a CRM tab while an admin maps fields (not part of the
 * always-on content script): suggest a locator for the clicked element, and read the whole deal
 * with the draft profile for the live preview. Zod-free (the profile arrives validated).
 */
export { CUSTOM_CRM_ID_PREFIX, DEAL_FIELD_KEYS, FIELD_LABELS } from './fields';
export type { DealFieldKey } from './fields';
export { elementValue, locate, locateElement } from './locate';
export type { DomLocator, LocateResult } from './locate';
export { looksGenerated, robustLocator, robustRegionLocator } from './pick';
export type { PickResult, PickSuggestion } from './pick';
export { readDealFromPage } from './read-dom';
export type { PageReading } from './read-dom';
export type { DealDraft, DealReading, FieldReport, FieldStatus } from './draft';
