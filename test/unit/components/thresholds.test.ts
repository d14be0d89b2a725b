import { describe, expect, it } from 'vitest';
import { parseThresholdInput, THRESHOLD_FIELDS, toInputText } from '../../../components/options/thresholds';
import { DEFAULT_THRESHOLDS, Thresholds } from '../../../lib/model/settings';

const field = (key: string) => THRESHOLD_FIELDS.find((f) => f.key === key)!;

describe('threshold fields', () => {
  it('cover every threshold in the schema, with its default', () => {
    expect(THRESHOLD_FIELDS.map((f) => f.key).sort()).toEqual(Object.keys(Thresholds.shape).sort());
    for (const f of THRESHOLD_FIELDS) {
      const parsed = parseThresholdInput(f, toInputText(f, DEFAULT_THRESHOLDS[f.key]));
      expect(parsed).toEqual({ value: DEFAULT_THRESHOLDS[f.key] });
    }
  });

  it('take their ranges from lib/model/settings.ts', () => {
    expect(field('unreachedDays')).toMatchObject({ min: 1, max: 365, integer: true, defaultValue: 30 });
    expect(field('singleThreadedMax')).toMatchObject({ min: 0, max: 10 });
    expect(field('stalledFactor')).toMatchObject({ min: 1, max: 10, integer: false, step: 0.1 });
    // Shares are typed as percentages.
    expect(field('bigDealShare')).toMatchObject({ min: 10, max: 100, defaultValue: 50, percent: true });
  });

  it('accept values in range and every bound, as the schema does', () => {
    for (const f of THRESHOLD_FIELDS) {
      for (const typed of [f.min, f.max]) {
        const r = parseThresholdInput(f, String(typed));
        expect(r, `${f.key}=${typed}`).toHaveProperty('value');
        if ('value' in r) expect(Thresholds.shape[f.key].safeParse(r.value).success).toBe(true);
      }
    }
    expect(parseThresholdInput(field('bigDealShare'), '40')).toEqual({ value: 0.4 });
    expect(parseThresholdInput(field('stalledFactor'), '2,5')).toEqual({ value: 2.5 });
  });

  it('reject out-of-range, fractional and empty input in plain words', () => {
    expect(parseThresholdInput(field('unreachedDays'), '999')).toEqual({ error: 'Enter a whole number from 1 to 365.' });
    expect(parseThresholdInput(field('unreachedDays'), '0')).toHaveProperty('error');
    expect(parseThresholdInput(field('unreachedDays'), '1.5')).toHaveProperty('error');
    expect(parseThresholdInput(field('unreachedDays'), '')).toHaveProperty('error');
    expect(parseThresholdInput(field('unreachedDays'), 'abc')).toHaveProperty('error');
    expect(parseThresholdInput(field('stalledFactor'), '0.5')).toEqual({ error: 'Enter a number from 1 to 10.' });
    expect(parseThresholdInput(field('bigDealShare'), '5')).toEqual({ error: 'Enter a whole number from 10 to 100.' });
  });
});
