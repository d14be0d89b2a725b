import { describe, expect, it } from 'vitest';
import {
  ColumnMapping,
  detectPreset,
  exportFormatKey,
  guessStageCategory,
  matchHeaders,
  presetMapping,
  stageRule,
  suggestMapping,
} from '../../../lib/import/mapping';

const MAVEN = ['opportunity_id', 'sales_agent', 'product', 'account', 'deal_stage', 'engage_date', 'close_date', 'close_value'];

describe('presets', () => {
  it('detects the Maven header and maps every column', () => {
    expect(detectPreset(MAVEN)).toBe('maven');
    const m = presetMapping('maven', MAVEN);
    expect(m.columns).toEqual({
      id: 'opportunity_id',
      owner: 'sales_agent',
      product: 'product',
      account: 'account',
      stage: 'deal_stage',
      createdAt: 'engage_date',
      closeDate: 'close_date',
      amount: 'close_value',
    });
    expect(m.extraFields).toEqual([]);
    expect(m.dateFormat).toBe('M/D/YYYY');
  });

  it('returns null for an unknown export', () => {
    expect(detectPreset(['Name', 'Value', 'When'])).toBeNull();
  });

  it('maps only the preset columns the file has, spelled as the file spells them', () => {
    const header = ['Opportunity Name', 'STAGE', 'amount', 'Custom Score'];
    expect(detectPreset(header)).toBe('salesforce-opportunity-report');
    const m = presetMapping('salesforce-opportunity-report', header);
    expect(m.columns).toEqual({ name: 'Opportunity Name', stage: 'STAGE', amount: 'amount' });
    expect(m.extraFields).toEqual(['Custom Score']);
  });
});

describe('ColumnMapping schema', () => {
  it('survives a round trip through JSON (settings storage)', () => {
    const m = presetMapping('hubspot-deals-export');
    expect(ColumnMapping.parse(JSON.parse(JSON.stringify(m)))).toEqual(m);
  });

  it('fills defaults and rejects bad values', () => {
    const m = ColumnMapping.parse({ columns: { stage: 'Status' } });
    expect(m).toMatchObject({ preset: null, extraFields: [], stages: {}, dateFormat: 'M/D/YYYY', decimal: '.', lostZeroAmountIsUnknown: true });
    expect(ColumnMapping.safeParse({ columns: {}, dateFormat: 'DD.MM.YY' }).success).toBe(false);
    expect(ColumnMapping.safeParse({ columns: {}, defaultCurrency: 'euro' }).success).toBe(false);
    expect(ColumnMapping.safeParse({ columns: { amount: '' } }).success).toBe(false);
  });

  it('rejects two stage names that differ only by case', () => {
    const r = ColumnMapping.safeParse({ columns: {}, stages: { Won: { category: 'won' }, won: { category: 'lost' } } });
    expect(r.success).toBe(false);
  });

  it('looks stages up case-insensitively', () => {
    const m = presetMapping('maven');
    expect(stageRule(m, 'won')).toEqual({ category: 'won', order: 2 });
    expect(stageRule(m, '  ENGAGING ')).toEqual({ category: 'open', order: 1 });
    expect(stageRule(m, 'Negotiation')).toBeUndefined();
  });

  it('keys an export format by its columns in any order', () => {
    expect(exportFormatKey(['B', 'a'])).toBe(exportFormatKey(['A', 'b']));
    expect(exportFormatKey(MAVEN)).not.toBe(exportFormatKey(['Deal Name', 'Deal Stage']));
  });
});

describe('suggestMapping for an unknown export', () => {
  it('matches header names loosely, each header once, and keeps the rest as extra fields', () => {
    const header = ['Deal ID', 'Deal Title', 'Rep', 'Customer', 'Status', 'Value (EUR)', 'Expected Close', 'Created On', 'Oportunity Stage', 'Region'];
    const m = suggestMapping(header);
    expect(m.preset).toBeNull();
    expect(m.columns).toMatchObject({
      owner: 'Rep',
      account: 'Customer',
      closeDate: 'Expected Close',
      createdAt: 'Created On',
      amount: 'Value (EUR)',
    });
    // "Oportunity Stage" (misspelt) beats the vaguer "Status" for the stage.
    expect(m.columns.stage).toBe('Oportunity Stage');
    expect(m.extraFields).toContain('Region');
    const used = Object.values(m.columns);
    expect(new Set(used).size).toBe(used.length);
  });

  it('does not confuse Close Date with Closed or Created Date', () => {
    const matches = matchHeaders(['Close Date', 'Closed', 'Created Date', 'Won']);
    const byField = Object.fromEntries(matches.map((x) => [x.field, x.header]));
    expect(byField).toMatchObject({ closeDate: 'Close Date', closed: 'Closed', createdAt: 'Created Date', won: 'Won' });
    expect(byField.closedAt).toBeUndefined();
  });

  it('reads formats and guesses stages from sample rows, marking the guesses', () => {
    const header = ['Deal', 'Owner', 'Phase', 'Amount', 'Created', 'Close'];
    const rows = [
      ['A', 'Jo', 'Closed Won', '1.234,50 €', '15.01.2024', '28.02.2024'],
      ['B', 'Jo', 'Negotiation', '12.000,00 €', '03.02.2024', '30.04.2024'],
      ['C', 'Al', 'Closed Lost', '0,00 €', '01.12.2023', '31.01.2024'],
      ['D', 'Al', 'Closed', '10,00 €', '01.12.2023', '31.01.2024'],
    ];
    const m = suggestMapping(header, rows);
    expect(m.columns.stage).toBe('Phase');
    expect(m.decimal).toBe(',');
    expect(m.dateFormat).toBe('D/M/YYYY');
    expect(m.stages).toEqual({
      'Closed Won': { category: 'won', order: null, guessed: true },
      Negotiation: { category: 'open', order: null, guessed: true },
      'Closed Lost': { category: 'lost', order: null, guessed: true },
    });
  });

  it('guesses stage categories from names, refusing a bare "Closed"', () => {
    expect(guessStageCategory('Closed Won')).toBe('won');
    expect(guessStageCategory('closedlost')).toBe('lost'); // HubSpot's internal value
    expect(guessStageCategory('Closed - Lost to competitor')).toBe('lost');
    expect(guessStageCategory('Disqualified')).toBe('lost');
    expect(guessStageCategory('Contract Signed')).toBe('won');
    expect(guessStageCategory('Discovery Call')).toBe('open');
    expect(guessStageCategory('Closed')).toBeNull();
  });
});

describe('suggestMapping restraint', () => {
  it('leaves short look-alike names alone', () => {
    const m = suggestMapping(['Deal Name', 'State', 'Amount']);
    expect(m.columns.stage).toBeUndefined();
    expect(m.extraFields).toEqual(['State']);
  });
});
