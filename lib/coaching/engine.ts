/**
 * Coaching engine (DESIGN §5): the rule registry, running the rules over one deal, and the view the
 * sidebar and the review table show. Pure: "now" comes from the context, never from the clock.
 */
import { dayNumber } from '../dates';
import { SEVERITY_ORDER, type Deal, type Finding } from '../model';
import { qualificationStatus } from '../playbooks/qualification';
import { hasActivityLog, hasPeopleData, isKey, isOpen, lastContacts, logsNotesOnly, todayOf, within } from './contacts';
import { bigDealConcentration } from './rules/big-deal-concentration';
import { closeDatePast } from './rules/close-date-past';
import { closeDatePushed } from './rules/close-date-pushed';
import { missingQualification } from './rules/missing-qualification';
import { noDecisionMaker } from './rules/no-decision-maker';
import { noNextStep } from './rules/no-next-step';
import { olderThanCycle } from './rules/older-than-cycle';
import { singleThreaded } from './rules/single-threaded';
import { stalledInStage } from './rules/stalled-in-stage';
import { unreachedInfluencer } from './rules/unreached-influencer';
import type { CoachingContext, CoachingRule, DealCoachingView, StakeholderView } from './types';

/** Every rule, in the order findings of equal severity are shown: people and qualification first. */
export const RULES: readonly CoachingRule[] = [
  missingQualification,
  noDecisionMaker,
  unreachedInfluencer,
  singleThreaded,
  closeDatePast,
  closeDatePushed,
  olderThanCycle,
  stalledInStage,
  noNextStep,
  bigDealConcentration,
];

/** A rule that threw: the deal is coached without it and the view says so. */
export interface RuleFailure {
  ruleId: string;
  message: string;
}

export interface CoachingResult {
  findings: Finding[];
  failures: RuleFailure[];
}

const SEVERITY_RANK = new Map(SEVERITY_ORDER.map((s, i) => [s, i]));

/**
 * Run every rule over an open deal. A rule that throws (or returns something other than a list) is a bug,
 * and a bug in one check must not take the sidebar down: it contributes no finding and is reported in
 * `failures`. Closed (won/lost) deals get no findings. Sorted risk > warn > info, then by rule order.
 */
export function coachDealDetailed(deal: Deal, context: CoachingContext, rules: readonly CoachingRule[] = RULES): CoachingResult {
  if (!isOpen(deal)) return { findings: [], failures: [] };
  const ranked: Array<{ finding: Finding; rule: number; seq: number }> = [];
  const failures: RuleFailure[] = [];
  let seq = 0;
  rules.forEach((rule, index) => {
    let out: unknown;
    try {
      out = rule.run(deal, context);
    } catch (error) {
      failures.push({ ruleId: rule.id, message: error instanceof Error ? error.message : String(error) });
      return;
    }
    if (!Array.isArray(out)) {
      failures.push({ ruleId: rule.id, message: 'returned no list of findings' });
      return;
    }
    for (const finding of out as Finding[]) ranked.push({ finding, rule: index, seq: seq++ });
  });
  ranked.sort(
    (a, b) =>
      (SEVERITY_RANK.get(a.finding.severity) ?? SEVERITY_ORDER.length) - (SEVERITY_RANK.get(b.finding.severity) ?? SEVERITY_ORDER.length) ||
      a.rule - b.rule ||
      a.seq - b.seq,
  );
  return { findings: ranked.map((r) => r.finding), failures };
}

export function coachDeal(deal: Deal, context: CoachingContext, rules: readonly CoachingRule[] = RULES): Finding[] {
  return coachDealDetailed(deal, context, rules).findings;
}

function stakeholderViews(deal: Deal, context: CoachingContext): StakeholderView[] {
  const contacts = lastContacts(deal);
  const today = todayOf(context.now);
  const windowDays = context.settings.thresholds.unreachedDays;
  return deal.stakeholders.map((s) => {
    const c = contacts.get(s.id);
    return {
      id: s.id,
      name: s.name,
      title: s.title ?? null,
      roles: s.roles,
      influence: s.influence,
      isPrimary: s.isPrimary ?? false,
      lastContact: c?.date ?? null,
      reached: within(c, today, windowDays),
      isKey: isKey(s),
    };
  });
}

/** What coaching could not use, in plain words, in the order the sidebar lists them. */
function limitations(deal: Deal, context: CoachingContext, failures: RuleFailure[], tracked: number, ageKnown: boolean): string[] {
  const notes: string[] = [];
  const open = isOpen(deal);
  if (!open) notes.push(`This deal is closed (${deal.stage.category}): closed deals are not coached.`);
  const b = context.benchmarks;
  if (!b) notes.push('Cycle and stage benchmarks unavailable: no closed deals could be read, so age, time in stage and pipeline share are not judged.');
  else if (!b.cycle) notes.push(`Typical cycle unavailable: none of the ${b.basisDeals} closed deals read is a won deal with both a created and a close date.`);
  if (!deal.history.tracked) {
    notes.push('This CRM does not record close-date changes or stage moves, so pushed close dates and time in stage cannot be measured.');
  } else if (open && b) {
    const stage = deal.stage.name;
    const typical = Object.hasOwn(b.stageDays, stage) ? b.stageDays[stage] : undefined;
    const entered = deal.history.stageChanges.some((c) => c.to === stage);
    if (!typical || typical.n === 0) notes.push(`No typical time for the stage "${stage}": no closed deal's history shows it, so time in stage is not judged.`);
    else if (!entered) notes.push(`When this deal entered "${stage}" is not recorded, so time in stage is not judged.`);
  }
  if (logsNotesOnly(deal)) {
    notes.push('This CRM logs no calls or meetings: contact with people is judged from the notes that name them.');
  }
  if (deal.tracks?.nextStep === false) notes.push('This CRM has no next-step field, so a missing next step is not flagged.');
  if (!hasActivityLog(deal)) {
    notes.push(
      'No calls, meetings, emails or tasks are logged on this deal, and there is no telling whether none happened or they are not recorded here: contact checks (unreached key people, single-threaded) were skipped.',
    );
  }
  if (!hasPeopleData(deal)) notes.push('No contacts are linked to this deal: the decision-maker check was skipped.');
  if (open && !ageKnown) notes.push("No valid creation date: the deal's age cannot be compared with the typical cycle.");
  if (open && deal.amount === null) notes.push('Amount unknown: pipeline concentration not checked.');
  if (open && !deal.closeDate) notes.push('No expected close date on the deal.');
  if (tracked === 0) notes.push(`None of the ${context.playbook.name} questions is tracked in this CRM's fields, so qualification cannot be checked here (an admin can map fields).`);
  for (const f of failures) notes.push(`The "${f.ruleId}" check failed and was skipped (${f.message}).`);
  return notes;
}

/** Everything the sidebar (and a review-table row) shows about one deal. */
export function buildCoachingView(deal: Deal, context: CoachingContext, rules: readonly CoachingRule[] = RULES): DealCoachingView {
  const { findings, failures } = coachDealDetailed(deal, context, rules);
  const qualification = qualificationStatus(deal, context.playbook);
  const ageDays = deal.createdAt ? todayOf(context.now) - dayNumber(deal.createdAt) : NaN;
  const ageKnown = Number.isFinite(ageDays);
  return {
    deal,
    findings,
    qualification,
    stakeholders: stakeholderViews(deal, context),
    age: { days: ageKnown ? ageDays : null, typicalCycle: context.benchmarks?.cycle ?? null },
    limitations: limitations(deal, context, failures, qualification.tracked, ageKnown),
  };
}
