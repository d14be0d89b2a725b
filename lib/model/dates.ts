import { z } from 'zod';

/** A calendar date, `YYYY-MM-DD` (a close date has no time zone). */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** An instant (`2026-03-01T10:00:00Z`, any offset) or, when a CRM only keeps the day, a calendar date. */
export const Timestamp = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/, 'expected an ISO 8601 date or date-time');

export type IsoDate = z.infer<typeof IsoDate>;
export type Timestamp = z.infer<typeof Timestamp>;
