/**
 * HubSpot deals export (CRM → Deals → Export view, CSV). The vendor's export uses property labels as
 * headers: "Record ID", "Deal Name", "Deal Stage", "Amount", "Close Date", "Create Date", "Deal owner",
 * "Pipeline", "Associated Company", plus whatever properties the view shows ("Deal Type",
 * "Deal probability", "Next step", "Last Activity Date"…). Stages are the pipeline's stage labels
 * (default pipeline: Appointment Scheduled … Contract Sent, Closed Won, Closed Lost; portals add their
 * own); dates are written `YYYY-MM-DD HH:mm`; probability is a 0–1 fraction.
 * Fixture: test/fixtures/csv/hubspot-deals-export.csv (hand-written, fictional data).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Deal } from '../../../lib/model';
import { detectPreset, formatQualityReport, parseCsv, presetMapping, rowsToDeals, suggestMapping, type ParsedCsv } from '../../../lib/import';

const text = readFileSync(new URL('../../fixtures/csv/hubspot-deals-export.csv', import.meta.url), 'utf8');
const options = { crm: 'csv' as const, source: 'hubspot-crm-exports-all-deals.csv', today: '2024-04-01' };

describe('HubSpot deals export', () => {
  let parsed: ParsedCsv;
  beforeAll(async () => {
    parsed = await parseCsv(text);
  });

  it('is detected from its header', () => {
    expect(detectPreset(parsed.header)).toBe('hubspot-deals-export');
    const m = presetMapping('hubspot-deals-export', parsed.header);
    expect(m.columns).toEqual({
      id: 'Record ID',
      name: 'Deal Name',
      owner: 'Deal owner',
      account: 'Associated Company',
      stage: 'Deal Stage',
      amount: 'Amount',
      createdAt: 'Create Date',
      closeDate: 'Close Date',
      nextStep: 'Next step',
      probability: 'Deal probability',
      dealType: 'Deal Type',
    });
    expect(m.extraFields).toEqual(['Pipeline', 'Last Activity Date']);
    expect(m.dateFormat).toBe('YYYY-MM-DD');
  });

  it('with the preset as is, skips a custom stage and says which rows and why', () => {
    const { deals, quality } = rowsToDeals(parsed, presetMapping('hubspot-deals-export', parsed.header), options);
    expect(deals).toHaveLength(4);
    expect(quality.skipped).toEqual([{ reason: 'stage not in the stage mapping', count: 1, rows: [6], example: '"Discovery Call"' }]);
    expect(quality.unknownStages).toEqual([{ name: 'Discovery Call', count: 1, rows: [6] }]);
    expect(formatQualityReport(quality)).toContain('Stage "Discovery Call" is not in the stage mapping (1 row skipped, row 6): map it to open, won or lost.');
  });

  it('with a suggestion from sample rows, takes the custom stage as open and flags the guess', () => {
    const mapping = suggestMapping(parsed.header, parsed.rows);
    expect(mapping.stages['Discovery Call']).toEqual({ category: 'open', order: null, guessed: true });
    const { deals, quality } = rowsToDeals(parsed, mapping, options);
    expect(deals).toHaveLength(5);
    expect(deals.filter((d) => !Deal.safeParse(d).success)).toEqual([]);
    expect(quality.guessedStages).toEqual([{ name: 'Discovery Call', category: 'open', count: 1, rows: [6] }]);
    expect(formatQualityReport(quality)).toContain('Stage "Discovery Call" was taken as open from its name (1 deal); confirm it in the mapping.');

    const globex = deals.find((d) => d.ref.id === '15236478901')!;
    expect(globex).toMatchObject({
      name: 'Globex renewal 2024',
      owner: { id: 'Grace Hopper', name: 'Grace Hopper' },
      accountName: 'Globex',
      amount: 24000,
      stage: { name: 'Contract Sent', category: 'open', order: 4 },
      probability: 0.9,
      createdAt: '2024-02-01',
      closeDate: '2024-06-30',
      closedAt: null,
      nextStep: 'Countersign MSA',
      isNewBusiness: false,
      fields: { Pipeline: 'Sales Pipeline', 'Last Activity Date': '2024-03-28 16:40' },
    });
    const won = deals.find((d) => d.name === 'Initech, expansion')!;
    expect(won).toMatchObject({ stage: { category: 'won', order: 5 }, amount: 18000, closedAt: '2024-03-01', isNewBusiness: true });
    const lost = deals.find((d) => d.name === 'Umbrella pilot')!;
    expect(lost).toMatchObject({ stage: { category: 'lost' }, amount: null, probability: 0 });
    // No amount on the only lost deal: a value win rate would read 100 %.
    expect(quality.valueWinRateReliable).toBe(false);
    expect(quality.openWithoutAccount.count).toBe(1);
  });
});
