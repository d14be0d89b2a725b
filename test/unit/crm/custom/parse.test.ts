import { describe, expect, it } from 'vitest';
import { isPlaceholder, parseJsonValue, parseText, readCustomDate, readMonthNameDate, type ParserSpec } from '../../../../lib/crm/custom/parse';

const NOW = '2026-03-10T12:00:00Z';
const ok = (raw: string, parser: ParserSpec) => {
  const r = parseText(raw, parser, NOW);
  if (r.status !== 'ok') throw new Error(`${raw}: ${JSON.stringify(r)}`);
  return r.value;
};
const status = (raw: string, parser: ParserSpec) => parseText(raw, parser, NOW).status;

describe('money', () => {
  const dot: ParserSpec = { kind: 'money', decimal: '.' };
  const comma: ParserSpec = { kind: 'money', decimal: ',' };

  it('reads US, European, French, Swiss and Japanese amounts', () => {
    expect(ok('$1,234.56', { ...dot, currency: 'USD' })).toEqual({ amount: 1234.56, currency: 'USD', currencyFromText: false });
    expect(ok('1.234,56 €', comma)).toEqual({ amount: 1234.56, currency: 'EUR', currencyFromText: true });
    // French grouping with a no-break space and with a narrow no-break space (U+202F).
    expect(ok('1\u00a0234,56\u00a0€', comma)).toEqual({ amount: 1234.56, currency: 'EUR', currencyFromText: true });
    expect(ok('1\u202f234,56\u202f€', comma)).toEqual({ amount: 1234.56, currency: 'EUR', currencyFromText: true });
    expect(ok("CHF 1'234.50", dot)).toEqual({ amount: 1234.5, currency: 'CHF', currencyFromText: true });
    expect(ok('CHF 1’234.50', dot)).toMatchObject({ amount: 1234.5 });
    expect(ok('¥120,000', { ...dot, currency: 'JPY' })).toEqual({ amount: 120000, currency: 'JPY', currencyFromText: false });
  });

  it('keeps the sign of accounting negatives; the Deal reader rejects them as amounts', () => {
    expect(ok('(1,200.00)', dot)).toMatchObject({ amount: -1200 });
  });

  it('treats dashes and blanks as empty, and never guesses the other decimal mark', () => {
    for (const empty of ['—', '–', '-', '', '   ', 'n/a']) expect(status(empty, dot), JSON.stringify(empty)).toBe('empty');
    expect(parseText('1.234,56 €', dot, NOW)).toEqual({ status: 'unparsed', message: '"1.234,56 €" is not an amount written with a decimal point' });
    expect(status('TBD', dot)).toBe('unparsed');
    expect(parseText('$1.2M', dot, NOW)).toMatchObject({ status: 'unparsed', message: expect.stringContaining('shortened amount') });
  });

  it('reads plain numbers, refusing currencies', () => {
    expect(ok('1.234,5', { kind: 'number', decimal: ',' })).toBe(1234.5);
    expect(status('€5', { kind: 'number', decimal: '.' })).toBe('unparsed');
  });
});

describe('dates', () => {
  it('reads numeric dates in the order the profile says', () => {
    expect(ok('3/7/2026', { kind: 'date', format: 'M/D/YYYY' })).toBe('2026-03-07');
    expect(ok('3/7/2026', { kind: 'date', format: 'D/M/YYYY' })).toBe('2026-07-03');
    expect(ok('07.03.2026', { kind: 'date', format: 'D/M/YYYY' })).toBe('2026-03-07');
    expect(ok('2026-03-07', { kind: 'date', format: 'YYYY-MM-DD' })).toBe('2026-03-07');
    expect(ok('3/15/2024 10:21 AM', { kind: 'date', format: 'M/D/YYYY' })).toBe('2024-03-15');
  });

  it('reads ISO and month-name dates whatever the numeric format (they are unambiguous)', () => {
    expect(ok('2026-03-07', { kind: 'date', format: 'D/M/YYYY' })).toBe('2026-03-07');
    expect(ok('7 Mar 2026', { kind: 'date', format: 'M/D/YYYY' })).toBe('2026-03-07');
  });

  it('reads month names in English, German, French, Spanish, Italian, Dutch and Portuguese', () => {
    const cases: Array<[string, string]> = [
      ['7 Mar 2026', '2026-03-07'],
      ['March 7, 2026', '2026-03-07'],
      ['Mar. 7, 2026', '2026-03-07'],
      ['7th March 2026', '2026-03-07'],
      ['Sat, 7 Mar 2026', '2026-03-07'],
      ['7. März 2026', '2026-03-07'],
      ['Samstag, 7. März 2026', '2026-03-07'],
      ['07-Mar-2026', '2026-03-07'],
      ['7 mars 2026', '2026-03-07'],
      ['1er février 2026', '2026-02-01'],
      ['15 août 2026', '2026-08-15'],
      ['7 de marzo de 2026', '2026-03-07'],
      ['7 dic 2026', '2026-12-07'],
      ['7 maart 2026', '2026-03-07'],
      ['7 de março de 2026', '2026-03-07'],
      ['Nov 4, 2025', '2025-11-04'],
      ['4 Nov 2025 14:30', '2025-11-04'],
      ['31. Dezember 2026', '2026-12-31'],
    ];
    for (const [text, iso] of cases) expect(readMonthNameDate(text), text).toBe(iso);
  });

  it('refuses invalid and unknown dates instead of rolling over or guessing', () => {
    for (const text of ['30 Feb 2026', '2/30/2026', '31.04.2026', '7 Foo 2026', 'March 2026', 'someday', '7/3/26']) {
      expect(parseText(text, { kind: 'date', format: text.includes('.') ? 'D/M/YYYY' : 'M/D/YYYY' }, NOW).status, text).toBe('unparsed');
    }
    expect(readMonthNameDate('32 Mar 2026')).toBeNull();
  });

  it('dates today, yesterday and tomorrow from the injected now', () => {
    expect(readCustomDate('Today', 'M/D/YYYY', NOW)).toBe('2026-03-10');
    expect(readCustomDate('gestern', 'D/M/YYYY', NOW)).toBe('2026-03-09');
    expect(readCustomDate('Tomorrow, 10:00', 'M/D/YYYY', NOW)).toBe('2026-03-11');
  });
});

describe('percent', () => {
  it('reads 40%, 40 % and shares', () => {
    expect(ok('40%', { kind: 'percent', decimal: '.', scale: 'percent' })).toBe(0.4);
    expect(ok('40 %', { kind: 'percent', decimal: '.', scale: 'percent' })).toBe(0.4);
    expect(ok('40\u00a0%', { kind: 'percent', decimal: ',', scale: 'percent' })).toBe(0.4);
    expect(ok('40', { kind: 'percent', decimal: '.', scale: 'percent' })).toBe(0.4);
    expect(ok('0,4', { kind: 'percent', decimal: ',', scale: 'fraction' })).toBe(0.4);
    // A % sign means percent whatever the scale.
    expect(ok('12,5 %', { kind: 'percent', decimal: ',', scale: 'fraction' })).toBe(0.125);
  });

  it('refuses values outside 0–100 %', () => {
    expect(status('140%', { kind: 'percent', decimal: '.', scale: 'percent' })).toBe('unparsed');
    expect(status('4', { kind: 'percent', decimal: '.', scale: 'fraction' })).toBe('unparsed');
  });
});

describe('stage map, currency, yes/no, text', () => {
  const stages: ParserSpec = {
    kind: 'enum',
    map: [
      { text: 'Closed Won', category: 'won' },
      { text: 'Closed Lost', category: 'lost' },
      { text: 'Prospecting', category: 'open' },
    ],
  };

  it('maps stage text to its category, ignoring case, spacing and colons', () => {
    expect(ok('closed\u00a0won', stages)).toEqual({ name: 'closed\u00a0won', category: 'won' });
    expect(ok('  PROSPECTING: ', stages)).toMatchObject({ category: 'open' });
  });

  it('reports a stage missing from the map, unless the profile says what every other stage is', () => {
    expect(parseText('Negotiation', stages, NOW)).toMatchObject({ status: 'unparsed', message: expect.stringContaining('not in the stage map') });
    expect(ok('Negotiation', { ...stages, otherwise: 'open' } as ParserSpec)).toEqual({ name: 'Negotiation', category: 'open' });
  });

  it('reads currencies, flags and text', () => {
    expect(ok('eur', { kind: 'currency' })).toBe('EUR');
    expect(ok('€', { kind: 'currency' })).toBe('EUR');
    expect(status('$', { kind: 'currency' })).toBe('unparsed');
    expect(ok('Ja', { kind: 'flag' })).toBe(true);
    expect(ok('No', { kind: 'flag' })).toBe(false);
    expect(status('Maybe', { kind: 'flag' })).toBe('unparsed');
    expect(ok('  Send order form ', { kind: 'text' })).toBe('Send order form');
    expect(isPlaceholder('—')).toBe(true);
  });
});

describe('JSON values', () => {
  it('takes numbers and booleans as they are and reads strings like page text', () => {
    expect(parseJsonValue(48500, { kind: 'money', decimal: '.', currency: 'USD' }, NOW)).toEqual({ status: 'ok', value: { amount: 48500, currency: 'USD', currencyFromText: false } });
    expect(parseJsonValue(40, { kind: 'percent', decimal: '.', scale: 'percent' }, NOW)).toEqual({ status: 'ok', value: 0.4 });
    expect(parseJsonValue(0.4, { kind: 'percent', decimal: '.', scale: 'fraction' }, NOW)).toEqual({ status: 'ok', value: 0.4 });
    expect(parseJsonValue(true, { kind: 'flag' }, NOW)).toEqual({ status: 'ok', value: true });
    expect(parseJsonValue('1.234,56 €', { kind: 'money', decimal: ',' }, NOW)).toMatchObject({ status: 'ok', value: { amount: 1234.56, currency: 'EUR' } });
    expect(parseJsonValue(null, { kind: 'text' }, NOW)).toEqual({ status: 'empty' });
    expect(parseJsonValue({ a: 1 }, { kind: 'text' }, NOW).status).toBe('unparsed');
    expect(parseJsonValue(1767225600000, { kind: 'date', format: 'YYYY-MM-DD' }, NOW).status).toBe('unparsed');
  });
});
