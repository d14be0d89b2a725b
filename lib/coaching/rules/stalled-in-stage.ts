/**
 * stalled-in-stage — days since the deal last moved into its current stage exceed the stage's typical time
 * (benchmarks.stageDays[stage].median) times `thresholds.stalledFactor` (DESIGN §5). Risk beyond twice that limit.
 * Silent when either side is unknown: no stage change into the current stage, or no typical time for it.
 */
import { dayNumber, fromDayNumber } from '../../dates';
import { insider, todayOf } from '../contacts';
import type { CoachingRule } from '../types';
import { days, num, who } from '../words';

export const stalledInStage: CoachingRule = {
  id: 'stalled-in-stage',
  description: 'Deal has sat in its current stage much longer than deals usually do.',
  run(deal, context) {
    const stage = deal.stage.name;
    // Own keys only: a stage named "constructor" must not find Object.prototype's.
    const perStage = context.benchmarks?.stageDays;
    const typical = perStage && Object.hasOwn(perStage, stage) ? perStage[stage] : undefined;
    if (!typical || typical.n === 0 || !(typical.median > 0)) return [];
    let entered = NaN;
    for (const c of deal.history.stageChanges) {
      if (c.to !== stage) continue;
      const day = dayNumber(c.at);
      if (!Number.isNaN(day) && (Number.isNaN(entered) || day > entered)) entered = day;
    }
    if (Number.isNaN(entered)) return [];
    const inStage = todayOf(context.now) - entered;
    const factor = context.settings.thresholds.stalledFactor;
    const limit = typical.median * factor;
    if (!(inStage > limit)) return [];
    return [
      {
        ruleId: 'stalled-in-stage',
        severity: inStage > 2 * limit ? 'risk' : 'warn',
        title: `Stalled in ${stage}`,
        why:
          `In ${stage} for ${days(inStage)}, since ${fromDayNumber(entered)}; deals typically spend ${days(typical.median)} there ` +
          `(median of ${num(typical.n)} deals), flagged above ${days(limit)} (${num(factor)}×).`,
        action: `Find out what is holding it in ${stage}: ask ${who(insider(deal), 'your main contact')} what has to happen before the next step, and agree that step with a date.`,
        evidence: {
          stage,
          daysInStage: inStage,
          enteredStage: fromDayNumber(entered),
          medianDays: typical.median,
          stageDeals: typical.n,
          stalledFactor: factor,
          limitDays: limit,
        },
      },
    ];
  },
};
