/**
 * The metrics report as plain text for a terminal: every rate with its counts, every figure that
 * would mislead (value win rate over zero-valued losses) replaced by the reason it is withheld.
 */
import { countOf, formatCount, formatMoney, formatPercent } from '../format';
import type { MetricsGroup, MetricsReport, Rate, ValueRate } from '../metrics';

const pct = (r: Rate): string => (r.rate === null ? '—' : `${formatPercent(r.rate)} (${formatCount(r.numerator)} of ${formatCount(r.denominator)})`);

export function valueRateText(r: ValueRate, currency: string | null): string {
  if (!r.reliable) return `not meaningful — ${r.unreliableReason ?? 'lost deal values are unknown'}`;
  if (r.rate === null) return '—';
  const excluded = r.excludedUnknownAmount ? `; ${countOf(r.excludedUnknownAmount, 'deal')} with unknown amount left out` : '';
  return `${formatPercent(r.rate)} (${formatMoney(r.numerator, currency)} of ${formatMoney(r.denominator, currency)}${excluded})`;
}

function groupLines(g: MetricsGroup, currency: string | null): string[] {
  const w = g.winRates;
  const c = g.cycle;
  const v = g.velocity;
  const b = g.balance;
  const k = g.keyMetrics;
  const lines = [
    `${g.label ?? g.key}: ${formatCount(g.deals.total)} deals (${formatCount(g.deals.open)} open, ${formatCount(g.deals.won)} won, ${formatCount(g.deals.lost)} lost)`,
    `  Unit win rate          ${pct(w.unit)} closed deals won`,
    `  Value win rate         ${valueRateText(w.value, currency)}`,
    `  Pursued win rate       ${pct(w.pursued.unit)} incl. open deals; by value ${valueRateText(w.pursued.value, currency)}`,
    `  Sales cycle (won)      ${c ? `median ${c.median} d · p75 ${c.p75} d · p90 ${c.p90} d (n=${formatCount(c.n)})` : '— (no won deal with both dates)'}`,
    `  Push rate${g.pushRate.period ? ` (${g.pushRate.period})` : ''}`.padEnd(25) +
      `${pct(g.pushRate)} of deals expected to close then did not` +
      (g.pushRate.basis === 'open-past-close'
        ? ' — a floor: this data has no close-date history, so only open deals past their close date count as pushed'
        : ''),
  ];
  if (v.base.perDay === null) {
    lines.push(`  Sales velocity         — (missing: ${(v.base.inputs.missing ?? []).join(', ') || 'inputs'})`);
  } else {
    const i = v.base.inputs;
    lines.push(
      `  Sales velocity         ${formatMoney(v.base.perDay, currency)}/day = ${formatCount(i.openQualified)} open qualified × ${formatMoney(i.averageWonAmount, currency)} avg won × ${formatPercent(i.unitWinRate)} ÷ ${i.cycleDays} d`,
      `    what-if +10%/−10%    ${formatMoney(v.improved.perDay, currency)}/day (×${v.factor?.toFixed(3) ?? '—'})`,
    );
  }
  lines.push(
    `  Pipeline balance       ${(['rock', 'stone', 'pebble'] as const).map((band) => `${band}s ${b.bands[band].count} (${formatMoney(b.bands[band].value, currency)})`).join(' · ')}` +
      (b.unknownAmount ? ` · ${b.unknownAmount} unknown amount` : '') +
      (b.concentrated && b.largest ? ` · CONCENTRATED: "${b.largest.name}" is ${formatPercent(b.largest.share)} of open value` : ''),
    `  Wins                   ${formatCount(k.wins)} · average won ${formatMoney(k.averageWonSize, currency)} · existing customers ${pct(k.customers.existingShare)}${k.customers.unknown ? ` (${formatCount(k.customers.unknown)} unknown)` : ''}`,
  );
  if (k.productMix.length) {
    lines.push(`  Product mix            ${k.productMix.map((p) => `${p.product} ${formatPercent(p.share)}`).join(' · ')}`);
  }
  const stages = g.stageConversion.filter((s) => s.conversion.denominator > 0);
  if (stages.length) {
    // Lost deals whose last stage is unknown are counted at the entry stage only, so later
    // stages' rates are upper bounds: say "≤" rather than print a flattering 100%.
    const stageText = (s: (typeof stages)[number]) => `${s.stage} ${s.lostStageUnknown ? '≤' : ''}${pct(s.conversion)}`;
    const unknown = Math.max(0, ...stages.map((s) => s.lostStageUnknown ?? 0));
    lines.push(
      `  Stage → won            ${stages.map(stageText).join(' · ')}` +
        (stages.some((s) => s.basis === 'final-stage') ? ' (from the stage at close; no stage history)' : ''),
    );
    if (unknown) lines.push(`                         ≤: ${formatCount(unknown)} lost deals do not say how far they got`);
  }
  return lines;
}

/** One line per group, for `--by`: the figures a manager compares across reps. */
function groupTable(groups: MetricsGroup[]): string[] {
  const head = ['', 'deals', 'unit win', 'pursued win', 'median cycle', 'push rate', 'open'];
  const rows = groups.map((g) => [
    g.label ?? g.key,
    formatCount(g.deals.total),
    g.winRates.unit.rate === null ? '—' : `${formatPercent(g.winRates.unit.rate)} ${g.winRates.unit.numerator}/${g.winRates.unit.denominator}`,
    g.winRates.pursued.unit.rate === null ? '—' : `${formatPercent(g.winRates.pursued.unit.rate)} ${g.winRates.pursued.unit.numerator}/${g.winRates.pursued.unit.denominator}`,
    g.cycle ? `${g.cycle.median} d` : '—',
    g.pushRate.rate === null ? '—' : `${formatPercent(g.pushRate.rate)} ${g.pushRate.numerator}/${g.pushRate.denominator}`,
    formatCount(g.deals.open),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), ...rows.map(line)];
}

export function reportText(report: MetricsReport, options: { source: string; asOfNote: string; quality: string[]; currency: string | null }): string {
  const out = [
    `Deal Coach metrics — ${options.source}`,
    `As of ${report.asOf} (${options.asOfNote}) · ${report.period ? `period ${report.period.label}` : 'all time'}`,
    '',
    'Data quality',
    ...options.quality.map((l) => `  - ${l}`),
    '',
    ...groupLines(report.overall, options.currency),
  ];
  if (report.groupBy && report.groups.length) {
    out.push('', `By ${report.groupBy} (${report.groups.length})`, ...groupTable(report.groups).map((l) => `  ${l}`));
  }
  return out.join('\n');
}
