/** Cases the fuzz suite found in lib/crm/shared/values.ts `instant`, kept as plain examples. */
import { describe, expect, it } from 'vitest';
import { calendarDateOfInstant, instant } from '../../../lib/crm/shared/values';

describe('instant() on values no CRM should send', () => {
  it('reads out-of-range epoch values as unknown instead of throwing RangeError', () => {
    for (const v of [1e308, -1e308, 8.64e15 + 1, '99999999999999999999', 253402300800000, -62198755200001]) expect(instant(v), String(v)).toBeNull();
    expect(calendarDateOfInstant(1e308)).toBeNull();
    expect(instant(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(instant('1767225600000')).toBe('2026-01-01T00:00:00.000Z');
  });

  it('refuses calendar days that do not exist, which Date.parse would roll over', () => {
    for (const v of ['2017-02-30T10:00:00Z', '2026-13-01T00:00', '2017-02-30 10:00', '0000-00-00 00:00:00', '9999-12-31T99:99']) expect(instant(v), v).toBeNull();
    expect(instant('2024-02-29 10:00')).toBe('2024-02-29T10:00:00Z');
    expect(instant('2025-10-02T14:05:11.000+0000')).toBe('2025-10-02T14:05:11.000+0000');
  });
});
