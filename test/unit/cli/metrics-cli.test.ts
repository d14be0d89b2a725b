import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../../lib/cli/args';

const MAVEN = new URL('../../../../shared/datasets/maven-crm/sales_pipeline.csv', import.meta.url).pathname;
const cli = (...args: string[]) =>
  execFileSync(process.execPath, ['--import', 'tsx', 'lib/cli/metrics.ts', ...args], { encoding: 'utf8', cwd: new URL('../../../', import.meta.url).pathname });

describe('metrics CLI arguments', () => {
  it('reads grouping, period, json and column names', () => {
    const a = parseArgs(['x.csv', '--by', 'team', '--period', '2017-Q3', '--json', '--map', 'owner=Deal owner']);
    expect(a).toMatchObject({ file: 'x.csv', groupBy: 'team', json: true, columns: { owner: 'Deal owner' } });
    expect(a.period).toMatchObject({ start: '2017-07-01', end: '2017-10-01' });
  });

  it.each([
    [['--by', 'owner']],
    [['x.csv', '--by', 'region']],
    [['x.csv', '--period', '2017-Q5']],
    [['x.csv', '--map', 'colour=Colour']],
    [['x.csv', '--as-of', '31/12/2017']],
    [['x.csv', 'y.csv']],
  ])('refuses %j with a usage message', (argv) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
  });
});

describe('metrics CLI on the Maven export', () => {
  // Independent count over the raw file: split lines, no shared code with lib/import or lib/metrics.
  const rows = readFileSync(MAVEN, 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(','));
  const won = rows.filter((r) => r[4] === 'Won').length;
  const lost = rows.filter((r) => r[4] === 'Lost').length;
  const fmt = (n: number) => n.toLocaleString('en-US');

  it('prints the unit win rate with its counts and refuses a value win rate over zero-valued losses', () => {
    const out = cli(MAVEN);
    expect(out).toContain(`${Math.round((100 * won) / (won + lost))}% (${fmt(won)} of ${fmt(won + lost)})`);
    expect(out).toMatch(/Value win rate\s+not meaningful/);
    expect(out).toContain('did you mean "GTX Pro"');
    expect(out).toContain(`${fmt(rows.length)} rows`);
  });

  it('emits JSON whose per-team unit rates add back up to the whole', () => {
    const json = JSON.parse(cli(MAVEN, '--by', 'team', '--json'));
    const groups = json.report.groups as Array<{ key: string; winRates: { unit: { numerator: number; denominator: number } } }>;
    expect(groups).toHaveLength(6);
    expect(groups.reduce((s, g) => s + g.winRates.unit.numerator, 0)).toBe(won);
    expect(groups.reduce((s, g) => s + g.winRates.unit.denominator, 0)).toBe(won + lost);
    expect(json.report.overall.winRates.value.reliable).toBe(false);
    expect(json.quality.lostZeroAmount.count).toBe(rows.filter((r) => r[4] === 'Lost' && Number(r[7]) === 0).length);
  });
});
