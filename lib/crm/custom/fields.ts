/**
 * The vocabulary of a custom CRM profile, without zod: which Deal fields a profile can map, what
 * each is called on screen, and which parsers fit it. Shared by the schema (profile.ts), the
 * content-script readers and the options UI.
 */

/** A custom CRM's adapter id is this prefix plus the profile id (`custom:acme-crm`). */
export const CUSTOM_CRM_ID_PREFIX = 'custom:';

/** The Deal fields a profile maps, in the order the editor and the reports list them. */
export const DEAL_FIELD_KEYS = ['name', 'accountName', 'owner', 'amount', 'currency', 'stage', 'closeDate', 'createdAt', 'probability', 'nextStep'] as const;
export type DealFieldKey = (typeof DEAL_FIELD_KEYS)[number];

export const FIELD_LABELS: Readonly<Record<DealFieldKey, string>> = {
  name: 'Deal name',
  accountName: 'Account',
  owner: 'Owner',
  amount: 'Amount',
  currency: 'Currency',
  stage: 'Stage',
  closeDate: 'Close date',
  createdAt: 'Created date',
  probability: 'Probability',
  nextStep: 'Next step',
};

export const PARSER_KINDS = ['text', 'money', 'number', 'percent', 'date', 'enum', 'currency', 'flag'] as const;
export type ParserKind = (typeof PARSER_KINDS)[number];

export const PARSER_LABELS: Readonly<Record<ParserKind, string>> = {
  text: 'Text',
  money: 'Money',
  number: 'Number',
  percent: 'Percent',
  date: 'Date',
  enum: 'Stage map (open / won / lost)',
  currency: 'Currency code or symbol',
  flag: 'Yes / no',
};

/** Parsers that make sense for each Deal field (the first is the default). Extra fields take any but `enum`. */
export const PARSERS_FOR: Readonly<Record<DealFieldKey, readonly ParserKind[]>> = {
  name: ['text'],
  accountName: ['text'],
  owner: ['text'],
  amount: ['money', 'number'],
  currency: ['currency'],
  stage: ['enum'],
  closeDate: ['date'],
  createdAt: ['date'],
  probability: ['percent'],
  nextStep: ['text'],
};
export const EXTRA_FIELD_PARSERS: readonly ParserKind[] = ['text', 'flag', 'number', 'money', 'percent', 'date'];

/** Fields a profile must map: without them there is no deal to coach. */
export const REQUIRED_FIELDS: readonly DealFieldKey[] = ['name', 'stage'];

export const DATE_FORMATS = ['M/D/YYYY', 'D/M/YYYY', 'YYYY-MM-DD', 'month-name'] as const;
export type CustomDateFormat = (typeof DATE_FORMATS)[number];

export const DATE_FORMAT_LABELS: Readonly<Record<CustomDateFormat, string>> = {
  'M/D/YYYY': 'M/D/YYYY (3/7/2026 = 7 March)',
  'D/M/YYYY': 'D/M/YYYY or D.M.YYYY (7/3/2026, 07.03.2026)',
  'YYYY-MM-DD': 'YYYY-MM-DD (2026-03-07)',
  'month-name': 'Month name (7 Mar 2026, March 7, 2026, 7. März 2026)',
};

export const STAGE_CATEGORIES = ['open', 'won', 'lost'] as const;
export type CustomStageCategory = (typeof STAGE_CATEGORIES)[number];

export const INFLUENCES = ['economic-buyer', 'decision-maker', 'champion', 'influencer', 'evaluator', 'user', 'other'] as const;
export const ACTIVITY_KINDS = ['call', 'meeting', 'email', 'task', 'note'] as const;
