import { z } from 'zod';
import { dayNumber } from '../dates';

/** The day must exist: the shape alone lets 0000-00-00 and 2017-02-30 through. */
const realDay = (text: string) => !Number.isNaN(dayNumber(text));

/** A calendar date, `YYYY-MM-DD` (a close date has no time zone). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine(realDay, 'not a real calendar date');

/** An instant (`2026-03-01T10:00:00Z`, any offset) or, when a CRM only keeps the day, a calendar date. */
export const Timestamp = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/, 'expected an ISO 8601 date or date-time')
  .refine(realDay, 'not a real date');

export type IsoDate = z.infer<typeof IsoDate>;
export type Timestamp = z.infer<typeof Timestamp>;
