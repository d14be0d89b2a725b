import { describe, expect, it } from 'vitest';
import {
  detectDateFormat,
  detectDecimalMark,
  readCurrency,
  readDate,
  readFlag,
  readMoney,
  readProbability,
} from '../../../lib/import/values';

describe('readMoney', () => {
  it('reads decimal-comma amounts with symbols and thousands separators', () => {
    expect(readMoney('1.234,50 €', ',')).toEqual({ value: 1234.5, currency: 'EUR' });
    expect(readMoney('12.000,00 €', ',')).toEqual({ value: 12000, currency: 'EUR' });
    expect(readMoney('1 234 567,8', ',')).toEqual({ value: 1234567.8, currency: null });
    expect(readMoney('1\u00a0234,50\u00a0EUR', ',')).toEqual({ value: 1234.5, currency: 'EUR' });
    expect(readMoney('0,00 €', ',')).toEqual({ value: 0, currency: 'EUR' });
  });

  it('reads decimal-point amounts', () => {
    expect(readMoney('15,000.00', '.')).toEqual({ value: 15000, currency: null });
    expect(readMoney('USD 42,500.00', '.')).toEqual({ value: 42500, currency: 'USD' });
    expect(readMoney('$1,234.5', '.')).toEqual({ value: 1234.5, currency: null }); // `$` names no single currency
    expect(readMoney('£99', '.')).toEqual({ value: 99, currency: 'GBP' });
    expect(readMoney("CHF 1'234.50", '.')).toEqual({ value: 1234.5, currency: 'CHF' });
    expect(readMoney('1.2E+05', '.')).toEqual({ value: 120000, currency: null });
    expect(readMoney('4514', '.')).toEqual({ value: 4514, currency: null });
  });

  it('reads negatives, so the Deal schema can reject them', () => {
    expect(readMoney('-500', '.')?.value).toBe(-500);
    expect(readMoney('(500.00)', '.')?.value).toBe(-500);
  });

  it('returns null for empty and undefined for what it cannot read, instead of guessing', () => {
    expect(readMoney('  ', '.')).toBeNull();
    expect(readMoney('n/a', '.')).toBeUndefined();
    expect(readMoney('TBD', '.')).toBeUndefined();
    // Read with the wrong decimal mark, a thousands group of 2 digits gives away the mistake.
    expect(readMoney('1.234,50', '.')).toBeUndefined();
    expect(readMoney('1,5', '.')).toBeUndefined();
    expect(readMoney('1,234.50', ',')).toBeUndefined();
  });

  it('detects the decimal mark from samples', () => {
    expect(detectDecimalMark(['1.234,50 €', '99,00', '12'])).toBe(',');
    expect(detectDecimalMark(['1,234.50', '99.00', '12'])).toBe('.');
    expect(detectDecimalMark(['12', '300'])).toBeNull();
  });
});

describe('readDate', () => {
  it('reads M/D/YYYY through lib/dates, ignoring a time', () => {
    expect(readDate('3/1/2017', 'M/D/YYYY')).toBe('2017-03-01');
    expect(readDate('3/15/2024 10:21 AM', 'M/D/YYYY')).toBe('2024-03-15');
    expect(readDate('', 'M/D/YYYY')).toBeNull();
    expect(readDate('15/3/2024', 'M/D/YYYY')).toBeUndefined();
  });

  it('reads D/M/YYYY with /, . or - separators (private helper)', () => {
    expect(readDate('15.01.2024', 'D/M/YYYY')).toBe('2024-01-15');
    expect(readDate('1/2/2024', 'D/M/YYYY')).toBe('2024-02-01');
    expect(readDate('31-12-2023', 'D/M/YYYY')).toBe('2023-12-31');
    expect(readDate('30.02.2024', 'D/M/YYYY')).toBeUndefined();
    expect(readDate('2024-01-15', 'D/M/YYYY')).toBeUndefined();
  });

  it('reads YYYY-MM-DD, with or without a time (private helper)', () => {
    expect(readDate('2024-06-30', 'YYYY-MM-DD')).toBe('2024-06-30');
    expect(readDate('2024-02-01 09:12', 'YYYY-MM-DD')).toBe('2024-02-01');
    expect(readDate('2024-02-01T09:12:00Z', 'YYYY-MM-DD')).toBe('2024-02-01');
    expect(readDate('2024/3/5', 'YYYY-MM-DD')).toBe('2024-03-05');
    expect(readDate('2023-02-29', 'YYYY-MM-DD')).toBeUndefined();
    expect(readDate('3/1/2017', 'YYYY-MM-DD')).toBeUndefined();
  });

  it('detects the date format from samples', () => {
    expect(detectDateFormat(['10/20/2016', '3/1/2017'])).toBe('M/D/YYYY');
    expect(detectDateFormat(['15.01.2024', '03.02.2024'])).toBe('D/M/YYYY');
    expect(detectDateFormat(['2024-02-01 09:12', '2024-06-30'])).toBe('YYYY-MM-DD');
    // Every day <= 12: cannot tell, US order.
    expect(detectDateFormat(['3/4/2024'])).toBe('M/D/YYYY');
    expect(detectDateFormat(['soon'])).toBeNull();
  });
});

describe('readProbability, readFlag, readCurrency', () => {
  it('reads probabilities as 0..1', () => {
    expect(readProbability('10', 'percent', '.')).toBeCloseTo(0.1);
    expect(readProbability('12,5 %', 'fraction', ',')).toBeCloseTo(0.125);
    expect(readProbability('0.9', 'fraction', '.')).toBeCloseTo(0.9);
    expect(readProbability('150', 'percent', '.')).toBeUndefined();
    expect(readProbability('20', 'fraction', '.')).toBeUndefined();
    expect(readProbability('', 'percent', '.')).toBeNull();
  });

  it('reads checkbox cells', () => {
    expect(readFlag('1')).toBe(true);
    expect(readFlag('FALSE')).toBe(false);
    expect(readFlag('')).toBeNull();
    expect(readFlag('maybe')).toBeUndefined();
  });

  it('reads currency codes and unambiguous symbols', () => {
    expect(readCurrency('usd')).toBe('USD');
    expect(readCurrency('€')).toBe('EUR');
    expect(readCurrency('$')).toBeUndefined();
    expect(readCurrency('')).toBeNull();
  });
});

describe('readMoney strictness', () => {
  it('does not glue digits across words', () => {
    expect(readMoney('12 units 5', '.')).toBeUndefined();
    expect(readMoney('approx. 5000', '.')).toBeUndefined();
    expect(readMoney('5,000 - 8,000', '.')).toBeUndefined();
  });
});
