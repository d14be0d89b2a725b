/**
 * Calibration check: which coaching rules fire, at which severity, on one rep's open deals of the
 * demo CRM — through the real demo adapter, metrics and coaching, with default settings.
 *   npx tsx test/bench/calibration.ts ["Darcel Schlecht"]
 * The demo CRM shifts Maven's dates so the dataset ends 3 days before today: its open deals are
 * as old as they were when the data was taken, which is what several rules measure.
 */
import { pathToFileURL } from 'node:url';
import { buildCoachingView } from '../../lib/coaching/engine';
import { demoAdapter } from '../../lib/crm/demo';
import { dayNumber } from '../../lib/dates';
import { computeBenchmarks } from '../../lib/metrics';
import { DEFAULT_SETTINGS, type Deal } from '../../lib/model';
import { getPlaybook } from '../../lib/playbooks';
import { fetchIo } from '../unit/demo-crm/io';
import { SHOWCASE_OWNER, startDemoCrm } from '../demo-crm/server';

export interface Calibration {
  owner: string;
  openDeals: number;
  withRisk: number;
  /** Findings per `ruleId severity`. */
  findings: Record<string, number>;
  /** Deals whose only risk comes from this rule. */
  soleRisk: Record<string, number>;
  openWithoutContacts: number;
  openPastCloseDate: number;
  ageDays: { median: number; p90: number; max: number };
  cycle: unknown;
}

export function calibrate(history: Deal[], ownerId: string, now: string): Calibration {
  const settings = DEFAULT_SETTINGS;
  const benchmarks = computeBenchmarks(history, ownerId, now, settings.thresholds);
  const context = { playbook: getPlaybook(settings.playbookId, true), benchmarks, now, settings };
  const open = history.filter((d) => d.owner.id === ownerId && d.stage.category === 'open');
  const today = dayNumber(now);
  const findings: Record<string, number> = {};
  const soleRisk: Record<string, number> = {};
  let withRisk = 0;
  for (const deal of open) {
    const view = buildCoachingView(deal, context);
    for (const f of view.findings) findings[`${f.ruleId} ${f.severity}`] = (findings[`${f.ruleId} ${f.severity}`] ?? 0) + 1;
    const riskRules = [...new Set(view.findings.filter((f) => f.severity === 'risk').map((f) => f.ruleId))];
    if (riskRules.length > 0) withRisk++;
    if (riskRules.length === 1) soleRisk[riskRules[0]!] = (soleRisk[riskRules[0]!] ?? 0) + 1;
  }
  const ages = open.filter((d) => d.createdAt).map((d) => today - dayNumber(d.createdAt!)).sort((a, b) => a - b);
  const at = (q: number) => ages[Math.min(ages.length - 1, Math.floor(q * ages.length))] ?? NaN;
  return {
    owner: open[0]?.owner.name ?? ownerId,
    openDeals: open.length,
    withRisk,
    findings: Object.fromEntries(Object.entries(findings).sort(([a], [b]) => a.localeCompare(b))),
    soleRisk,
    openWithoutContacts: open.filter((d) => d.stakeholders.length === 0).length,
    openPastCloseDate: open.filter((d) => d.closeDate && dayNumber(d.closeDate) < today).length,
    ageDays: { median: at(0.5), p90: at(0.9), max: ages.at(-1) ?? NaN },
    cycle: benchmarks.cycle,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const crm = await startDemoCrm({ port: 0, latencyMs: 0 });
  try {
    const io = fetchIo({ 'X-Demo-User': encodeURIComponent(process.argv[2] ?? SHOWCASE_OWNER) });
    const ref = demoAdapter.matches(`${crm.url}/opportunities/DEMO-STALE`)!;
    const me = await demoAdapter.whoAmI(ref, io);
    const history = await demoAdapter.readHistory(ref, { ownerId: me.id }, io);
    const c = calibrate(history, me.id, new Date().toISOString());
    console.log(`demo today ${crm.data.today} · ${c.owner}: ${c.openDeals} open deals, ${c.withRisk} with at least one risk`);
    console.log(`open deals: age median ${c.ageDays.median} d, p90 ${c.ageDays.p90} d, max ${c.ageDays.max} d; ${c.openPastCloseDate} past their close date; ${c.openWithoutContacts} without any contact`);
    console.log(`typical cycle ${JSON.stringify(c.cycle)}`);
    for (const [key, n] of Object.entries(c.findings)) console.log(`  ${key.padEnd(34)} ${String(n).padStart(4)}`);
    console.log(`deals whose only risk is this rule: ${JSON.stringify(c.soleRisk)}`);
  } finally {
    await crm.close();
  }
}
