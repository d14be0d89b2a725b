import { z } from 'zod';
import { IsoDate, Timestamp } from './dates';

export const StageCategory = z.enum(['open', 'won', 'lost']);
export type StageCategory = z.infer<typeof StageCategory>;

export const RecordRef = z.object({
  /** Adapter id: `demo`, `salesforce`, `dynamics`, `hubspot`, `pipedrive`, `tryton`, `csv`, `custom:<profile>`. */
  crm: z.string().min(1),
  /** The CRM host: one user may work in several orgs. */
  instance: z.string(),
  id: z.string().min(1),
  /** Link to the record in the CRM ('' when there is none, a CSV row); rendered only if http(s) (lib/format crmLink). */
  url: z.string(),
});
export type RecordRef = z.infer<typeof RecordRef>;

export const Influence = z.enum(['economic-buyer', 'decision-maker', 'champion', 'influencer', 'evaluator', 'user', 'other']);
export type Influence = z.infer<typeof Influence>;

export const Stakeholder = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string().nullish(),
  /** The CRM's own role labels, verbatim. */
  roles: z.array(z.string()),
  influence: Influence,
  isPrimary: z.boolean().nullish(),
});
export type Stakeholder = z.infer<typeof Stakeholder>;

export const ActivityKind = z.enum(['call', 'meeting', 'email', 'task', 'note']);
export type ActivityKind = z.infer<typeof ActivityKind>;

export const Activity = z.object({
  id: z.string(),
  kind: ActivityKind,
  at: Timestamp,
  done: z.boolean(),
  stakeholderIds: z.array(z.string()),
});
export type Activity = z.infer<typeof Activity>;

const change = <T extends z.ZodTypeAny>(value: T) => z.object({ at: Timestamp, from: value.nullable(), to: value.nullable() });

export const CloseDateChange = change(IsoDate);
export type CloseDateChange = z.infer<typeof CloseDateChange>;
export const StageChange = change(z.string());
export type StageChange = z.infer<typeof StageChange>;

export const FieldValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type FieldValue = z.infer<typeof FieldValue>;

export const Deal = z.object({
  ref: RecordRef,
  name: z.string(),
  accountName: z.string().nullable(),
  owner: z.object({ id: z.string(), name: z.string() }),
  /** null means unknown; never 0 for unknown (a lost deal exported with value 0 is unknown). */
  amount: z.number().finite().nonnegative().nullable(),
  currency: z.string().regex(/^[A-Z]{3}$/).nullable(),
  stage: z.object({ name: z.string(), category: StageCategory, order: z.number().int().nullish() }),
  probability: z.number().min(0).max(1).nullish(),
  forecastCategory: z.string().nullish(),
  nextStep: z.string().nullish(),
  /** null when the CRM has no creation/engage date (Maven prospects). */
  createdAt: Timestamp.nullable(),
  /** Expected close date. */
  closeDate: IsoDate.nullable(),
  /** Actual close, won/lost only. */
  closedAt: Timestamp.nullable(),
  history: z.object({
    /** Empty when the CRM does not track changes; never invented. */
    closeDateChanges: z.array(CloseDateChange),
    stageChanges: z.array(StageChange),
    /** false when the CRM keeps no history at all, so "no changes" is not evidence of none. */
    tracked: z.boolean().default(true),
  }),
  stakeholders: z.array(Stakeholder),
  activities: z.array(Activity),
  fields: z.record(z.string(), FieldValue),
  /**
   * What this CRM records at all, when it records less than a full CRM: a CRM that logs only notes
   * (Tryton) or has no next-step field says so here, so coaching can tell "not done" from "not
   * recorded". Absent means everything is recorded.
   */
  tracks: z
    .object({
      /** Activity kinds the CRM can hold. */
      activityKinds: z.array(ActivityKind).optional(),
      /** false when the CRM has no next-step field. */
      nextStep: z.boolean().optional(),
      /**
       * false when this record's people and activities were not read (a history row, a CSV
       * export): empty lists then mean "unknown", not "nobody".
       */
      people: z.boolean().optional(),
    })
    .nullish(),
  isNewBusiness: z.boolean().nullish(),
  product: z.string().nullish(),
});
export type Deal = z.infer<typeof Deal>;
export type DealInput = z.input<typeof Deal>;
