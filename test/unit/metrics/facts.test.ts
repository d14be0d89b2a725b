import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../../lib/dates';
import { dayCache } from '../../../lib/metrics/facts';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Dates and instants in every shape a CRM sends, plus near misses. */
const dateText = fc
  .record({
    year: fc.oneof(fc.integer({ min: 1890, max: 2170 }), fc.integer({ min: 0, max: 9999 })),
    month: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 13 })),
    // Month ends, where calendar dates and instants part ways (2017-02-30).
    day: fc.oneof(fc.integer({ min: 28, max: 31 }), fc.integer({ min: 0, max: 32 })),
    hour: fc.integer({ min: 0, max: 25 }),
    minute: fc.integer({ min: 0, max: 61 }),
    second: fc.option(fc.integer({ min: 0, max: 61 })),
    fraction: fc.option(fc.constantFrom('.5', '.123', '.', '.x')),
    zone: fc.constantFrom('', 'Z', 'Z', '+02:00', '-05:00', '+0530', 'z'),
    dateOnly: fc.boolean(),
  })
  .map((p) => {
    const date = `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}`;
    if (p.dateOnly) return date;
    const seconds = p.second === null ? '' : `:${pad(p.second, 2)}${p.fraction ?? ''}`;
    return `${date}T${pad(p.hour, 2)}:${pad(p.minute, 2)}${seconds}${p.zone}`;
  });

describe('dayCache', () => {
  it('always answers what lib/dates dayNumber answers, asked in any order and repeatedly', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(dateText, fc.string({ maxLength: 24 })), { minLength: 1, maxLength: 40 }), (texts) => {
        const day = dayCache();
        for (const text of [...texts, ...texts]) expect(day(text)).toEqual(dayNumber(text));
      }),
      { numRuns: 300 },
    );
  });

  it('shares a UTC instant with its calendar date, but not an instant at another offset', () => {
    const day = dayCache();
    expect(day('2017-03-01T23:30:00Z')).toBe(day('2017-03-01'));
    expect(day('2017-03-01T23:30:00-05:00')).toBe(day('2017-03-02'));
    expect(day('2017-02-30')).toBeNaN();
    expect(day('2017-02-30T10:00:00Z')).toEqual(dayNumber('2017-02-30T10:00:00Z'));
    expect(day('1969-12-31')).toBe(-1);
    expect(day(null)).toBeNaN();
    expect(day(undefined)).toBeNaN();
  });
});
