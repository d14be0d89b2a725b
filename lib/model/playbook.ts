import { z } from 'zod';

export const Question = z.object({
  id: z.string(),
  label: z.string(),
  /** Why the answer matters to the deal, in one sentence. */
  why: z.string(),
  /** A suggested way to ask the buyer. */
  ask: z.string(),
  /** Importance, 1 (nice to know) to 5 (do not forecast without it). */
  weight: z.number().int().min(1).max(5),
});
export type Question = z.infer<typeof Question>;

/** questionId -> CRM field API names; answered when any mapped field is non-empty. */
export const FieldMapping = z.record(z.string(), z.array(z.string()));
export type FieldMapping = z.infer<typeof FieldMapping>;

export const Playbook = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  questions: z.array(Question).min(1),
  /** Per CRM adapter id. A question with no mapping for a CRM is "not tracked in your CRM". */
  mappings: z.record(z.string(), FieldMapping),
});
export type Playbook = z.infer<typeof Playbook>;

export const QuestionStatus = z.enum(['answered', 'missing', 'not-tracked']);
export type QuestionStatus = z.infer<typeof QuestionStatus>;
