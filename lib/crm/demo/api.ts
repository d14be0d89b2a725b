/**
 * The Demo CRM's JSON API, as the adapter reads it (test/demo-crm serves it; README there documents it).
 * Shaped like a real CRM API: snake_case, string ids, amounts as numbers, a stage label plus
 * `is_closed` / `is_won` flags, ISO dates. Lenient where the adapter does not care; dates and
 * enums are checked later by the Deal schema, which names the Deal field that failed.
 */
import { z } from 'zod';
import { FieldValue } from '../../model';

const text = z.string().nullish();

export const UserRefJson = z.object({ id: z.string().min(1), name: z.string() });
export type UserRefJson = z.infer<typeof UserRefJson>;

export const UserJson = UserRefJson.extend({
  role: z.enum(['rep', 'manager']),
  regional_office: text,
  /** A rep's manager; null for a manager. */
  manager: UserRefJson.nullable(),
  /** A manager's reps; empty for a rep. */
  team: z.array(UserRefJson),
});
export type UserJson = z.infer<typeof UserJson>;

/** `GET /api/users`: every rep and manager, each rep with their manager. */
export const UsersJson = z.object({ results: z.array(UserJson) });

export const AccountJson = z.object({
  id: z.string(),
  name: z.string(),
  sector: text,
  employees: z.number().nullish(),
  office_location: text,
  parent_account: text,
});
export type AccountJson = z.infer<typeof AccountJson>;

export const ContactJson = z.object({
  id: z.string().min(1),
  name: z.string(),
  title: text,
  email: text,
});
export type ContactJson = z.infer<typeof ContactJson>;

/** One row per (contact, role), like Salesforce's OpportunityContactRole: a contact may appear twice. */
export const ContactRoleJson = z.object({
  id: z.string(),
  contact: ContactJson,
  role: z.string().nullable(),
  is_primary: z.boolean().nullish(),
});
export type ContactRoleJson = z.infer<typeof ContactRoleJson>;

export const ActivityJson = z.object({
  id: z.string(),
  /** `Call`, `Meeting`, `Email`, `Task`, `Note`. */
  type: z.string(),
  subject: text,
  /** `Completed` or `Planned`. */
  status: z.string(),
  /** When it happened, or is due. */
  at: z.string(),
  contact_ids: z.array(z.string()).default([]),
});
export type ActivityJson = z.infer<typeof ActivityJson>;

/** A field-history row (Salesforce OpportunityFieldHistory, HubSpot propertiesWithHistory). */
export const FieldChangeJson = z.object({
  changed_at: z.string(),
  old_value: z.string().nullable(),
  new_value: z.string().nullable(),
});
export type FieldChangeJson = z.infer<typeof FieldChangeJson>;

export const OpportunityJson = z.object({
  id: z.string().min(1),
  name: z.string(),
  account: AccountJson.nullable(),
  owner: UserRefJson,
  product: text,
  /** The CRM's amount verbatim: a lost deal keeps 0 here; the adapter decides that means unknown. */
  amount: z.number().nullish(),
  currency: text,
  stage: z.string(),
  stage_order: z.number().int().nullish(),
  is_closed: z.boolean(),
  is_won: z.boolean(),
  /** Percent, 0–100. */
  probability: z.number().nullish(),
  forecast_category: text,
  /** `New Business` or `Existing Business`. */
  type: text,
  next_step: text,
  created_at: text,
  /** The real Maven engage date (shifted). */
  engage_date: text,
  /** Expected close date; for a closed deal, the date it closed. */
  close_date: text,
  closed_at: text,
  last_modified_at: text,
  /** Custom fields by API name: `qual_*`, `competitors`, `decision_criteria`, `pain`, ... */
  custom_fields: z.record(z.string(), FieldValue).default({}),
  close_date_history: z.array(FieldChangeJson).default([]),
  stage_history: z.array(FieldChangeJson).default([]),
  /** Related lists: on the record endpoint always, on the list endpoint only with `include=related`. */
  contact_roles: z.array(ContactRoleJson).optional(),
  activities: z.array(ActivityJson).optional(),
});
export type OpportunityJson = z.infer<typeof OpportunityJson>;
/** What the server writes (defaults not yet applied). */
export type OpportunityJsonOut = z.input<typeof OpportunityJson>;

export const OpportunityPageJson = z.object({
  /** Checked one by one, so an error names the record. */
  results: z.array(z.unknown()),
  /** Opaque cursor for the next page; null on the last page. */
  next: z.string().nullable(),
  total: z.number().int().nonnegative().optional(),
});
export type OpportunityPageJson = z.infer<typeof OpportunityPageJson>;
