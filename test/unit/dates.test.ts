import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, daysBetween, inPeriod, parsePeriod, parseUsDate, quarterOf, toIsoDate } from '../../lib/dates';

describe('dates', () => {
  it('counts whole days between calendar dates across leap days and DST changes', () => {
    expect(daysBetween('2016-02-28', '2016-03-01')).toBe(2);
    expect(daysBetween('2017-03-11', '2017-03-13')).toBe(2);
    expect(daysBetween('2017-12-31', '2017-01-01')).toBe(-364);
  });

  it('puts an instant on its UTC calendar day', () => {
    expect(toIsoDate('2017-03-01T23:30:00-05:00')).toBe('2017-03-02');
    expect(daysBetween('2017-03-01', '2017-03-02T04:00:00Z')).toBe(1);
  });

  it('rejects impossible calendar dates instead of rolling over', () => {
    expect(dayNumber('2017-02-30')).toBeNaN();
    expect(dayNumber('2017-02-30T10:00:00Z')).toBeNaN();
    expect(parseUsDate('2/30/2017')).toBeNull();
    expect(parseUsDate('10/20/2016')).toBe('2016-10-20');
    expect(parseUsDate('2016-10-20')).toBeNull();
  });

  it('adds days and names quarters', () => {
    expect(addDays('2016-12-30', 3)).toBe('2017-01-02');
    expect(quarterOf('2017-03-31')).toBe('2017-Q1');
    expect(quarterOf('2017-04-01')).toBe('2017-Q2');
  });

  it('parses periods with an exclusive end', () => {
    const q4 = parsePeriod('2017-Q4')!;
    expect(q4).toMatchObject({ start: '2017-10-01', end: '2018-01-01' });
    expect(inPeriod('2017-12-31', q4)).toBe(true);
    expect(inPeriod('2018-01-01', q4)).toBe(false);
    expect(parsePeriod('2017-02')).toMatchObject({ start: '2017-02-01', end: '2017-03-01' });
    expect(parsePeriod('2017-13')).toBeNull();
    expect(parsePeriod('Q5')).toBeNull();
  });
});
