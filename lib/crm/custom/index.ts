/**
 * Custom CRMs (admin-defined, no code): background and options-page entry. The always-on content
 * script imports ./content (raw page reader), the pick-mode script ./pick-mode; neither pulls zod.
 */
export * from './content';
export * from './pick-mode';
export { hostPermissionFor, matchCustomProfile, matchCustomRecord, urlMatchesPattern } from './match';
export { draftFromRaw } from './raw-source';
export { unavailableCoaching } from './unavailable';
export type { UnavailableCoaching } from './unavailable';
export {
  Column,
  CustomCrmProfile,
  CustomCrmProfiles,
  EXPORT_FORMAT,
  FieldSource,
  Locator,
  MAX_CUSTOM_CRMS,
  Parser,
  customCrmId,
  exportProfiles,
  importProfiles,
  issuesOf,
  validateProfile,
} from './profile';
export type { CustomCrmProfileInput, ProfileCheck, ProfileIssue } from './profile';
export { createCustomAdapter, endpointUrl, readDealFromJson, withDomReader } from './read-json';
export type { CustomAdapterOptions, DomCapableFetch, DomReader } from './read-json';
export { dealFromDraft, RawPageReadingSchema, ReadDomReplySchema } from './to-deal';
export { profileMapping, withCustomMappings } from './qualification';
export { customRegistry, isCustomCrmId, readySelectorFor } from './registry';
export type { CustomCrmMatch, CustomRegistry } from './registry';
