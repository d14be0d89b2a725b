/**
 * A custom CRM's draft to a validated Deal, in the background (zod, DESIGN §9), and the check of what a
 * tab sends back for `readDom`. The draft is built here in the background from the page's raw texts,
 * with the background's own ref: a page cannot decide what a value means or which record it is. What is missing is named with the
 * report's reason, so the sidebar can say "Stage could not be read: label "Stage" not found".
 */
import { z } from 'zod';
import type { Deal, DealInput, RecordRef } from '../../model';
import { validateDeal } from '../shared/validate';
import { CrmError } from '../types';
import type { DealDraft, FieldReport } from './draft';
import { FIELD_LABELS } from './fields';

const text = z.string().max(10_000);
const RawText = z.union([
  z.object({ ok: z.literal(true), text }),
  z.object({ ok: z.literal(false), reason: z.enum(['not-found', 'ambiguous', 'empty', 'invalid-selector', 'json']), message: z.string().max(2000) }),
]);
const roles = ['name', 'role', 'title', 'date', 'kind', 'contact', 'done'] as const;
const Cells = z.partialRecord(z.enum(roles), text.nullable());
const RawList = z.union([
  z.object({ ok: z.literal(true), rows: z.array(Cells).max(2000), columnErrors: z.partialRecord(z.enum(roles), z.string().max(2000)) }),
  z.object({ ok: z.literal(false), message: z.string().max(2000) }),
]);

/** The texts a tab read from a page (read-raw.ts), as they cross the message boundary. */
export const RawPageReadingSchema = z.object({
  fields: z.record(z.string().max(200), RawText),
  lists: z.object({ stakeholders: RawList.optional(), activities: RawList.optional() }),
});

/** The content script's answer to `readDom` (TabProtocol), checked before use. */
export const ReadDomReplySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('raw'), url: z.string().max(4096), raw: RawPageReadingSchema }),
  z.object({ kind: z.literal('error'), errorKind: z.string().max(40), message: z.string().max(2000) }),
]);

function why(report: readonly FieldReport[], field: string): string {
  const entry = report.find((r) => r.field === field);
  if (!entry) return 'not read';
  if (entry.status === 'not-mapped') return 'not mapped in the profile';
  return entry.message ?? entry.status;
}

/**
 * A validated Deal from a draft, or CrmError('malformed') naming what could not be read and why.
 * `label` is the profile's name ("ExampleCRM").
 */
export function dealFromDraft(ref: RecordRef, d: DealDraft, report: readonly FieldReport[], label: string): Deal {
  const problems: string[] = [];
  if (!d.name) problems.push(`${FIELD_LABELS.name}: ${why(report, 'name')}`);
  if (!d.stage || d.stage.category === null) problems.push(`${FIELD_LABELS.stage}: ${why(report, 'stage')}`);
  if (!d.name || !d.stage || d.stage.category === null) {
    throw new CrmError('malformed', `Deal Coach could not read this ${label} deal — ${problems.join('; ')}. An admin can fix the profile in Options → Custom CRMs.`);
  }
  const input: DealInput = {
    ref,
    name: d.name,
    accountName: d.accountName,
    owner: d.owner ?? { id: '', name: '' },
    amount: d.amount,
    currency: d.currency,
    stage: { name: d.stage.name, category: d.stage.category },
    probability: d.probability,
    ...(d.nextStep !== undefined ? { nextStep: d.nextStep } : {}),
    createdAt: d.createdAt,
    closeDate: d.closeDate,
    closedAt: null,
    history: { closeDateChanges: [], stageChanges: [], tracked: false },
    stakeholders: d.stakeholders,
    activities: d.activities,
    fields: d.fields,
  };
  return validateDeal(input, label);
}
