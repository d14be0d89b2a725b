import { z } from 'zod';
import { FieldValue } from './deal';

export const Severity = z.enum(['risk', 'warn', 'info']);
export type Severity = z.infer<typeof Severity>;

export const Finding = z.object({
  ruleId: z.string(),
  severity: Severity,
  title: z.string(),
  /** Gives the numbers the rule used, and their basis. */
  why: z.string(),
  /** The next step a good manager would suggest. */
  action: z.string(),
  /** Machine-readable numbers behind `why`, for tests, the review table and snapshot diffs. */
  evidence: z.record(z.string(), z.union([FieldValue, z.array(z.string())])),
});
export type Finding = z.infer<typeof Finding>;

export const SEVERITY_ORDER: readonly Severity[] = ['risk', 'warn', 'info'];
