/**
 * The custom-CRM page reader for the content script — small, and without zod (DESIGN §8;
 * test/unit/crm/custom/purity.test.ts checks it): answer the background's `readDom` with the raw
 * texts a profile points at. Parsing happens in the background. Pick mode has its own entry
 * (pick-mode.ts), loaded only while an admin picks.
 */
export { answerReadDom, pendingFields, readRawFromPage } from './read-raw';
export type { RawPageReading, ReadDomReply, ReadDomRequest } from './read-raw';
export { readWhenSettled } from './settle';
export type { ObservePage, SettleOptions } from './settle';
export { followTexts, isReadDomRequest } from './follow';
export type { FollowOptions } from './follow';
