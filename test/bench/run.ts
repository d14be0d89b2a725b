/**
 * `npm run bench`: every benchmark, its median and its budget (DESIGN §8).
 * `npm run bench -- metrics coaching` runs a subset; `--json FILE` also writes the rows.
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

export interface BenchRow {
  name: string;
  medianMs: number;
  runs: number;
  /** Budget in ms (or the unit named in `unit`), when DESIGN §8 sets one. */
  budget?: number;
  unit?: string;
  extra?: Record<string, number | string>;
}

type Suite = () => Promise<BenchRow[]>;

const suites: Record<string, () => Promise<Suite>> = {
  metrics: async () => (await import('./metrics.bench')).benchMetrics,
  coaching: async () => (await import('./coaching.bench')).benchCoaching,
  extension: async () => (await import('./extension.bench')).benchExtension,
  review: async () => (await import('./review.bench')).benchReview,
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const jsonAt = args.indexOf('--json');
  const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
  const wanted = args.filter((a, i) => !a.startsWith('--') && (jsonAt < 0 || i !== jsonAt + 1));
  const names = wanted.length ? wanted : Object.keys(suites);

  console.log(`Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB`);
  const all: BenchRow[] = [];
  let over = 0;
  for (const name of names) {
    const load = suites[name];
    if (!load) throw new Error(`unknown bench suite "${name}"; known: ${Object.keys(suites).join(', ')}`);
    const rows = await (await load())();
    for (const row of rows) {
      const unit = row.unit ?? 'ms';
      const verdict = row.budget === undefined ? '' : row.medianMs <= row.budget ? `  ≤ ${row.budget} ${unit} ok` : `  > ${row.budget} ${unit} OVER BUDGET`;
      if (row.budget !== undefined && row.medianMs > row.budget) over++;
      const extra = row.extra ? '  ' + Object.entries(row.extra).map(([k, v]) => `${k}=${v}`).join(' ') : '';
      console.log(`${name.padEnd(10)} ${row.name.padEnd(58)} ${row.medianMs.toFixed(2).padStart(10)} ${unit} (n=${row.runs})${verdict}${extra}`);
      all.push(row);
    }
  }
  if (jsonFile) writeFileSync(jsonFile, JSON.stringify(all, null, 2));
  if (over) {
    console.error(`${over} benchmark(s) over budget`);
    process.exitCode = 1;
  }
}

await main();
