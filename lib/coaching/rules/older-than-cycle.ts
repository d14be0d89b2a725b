/**
 * older-than-cycle — an open deal older than the typical won deal took to close (DESIGN §4, §5).
 * warn above the median cycle, risk above the 90th percentile; cites the figures and their basis
 * (the owner's own won deals, or the team's when the owner has fewer than `minOwnWon`).
 * Silent without a creation date or without a typical cycle.
 */
import { dayNumber, fromDayNumber } from '../../dates';
import { keyPerson, todayOf } from '../contacts';
import type { CoachingRule } from '../types';
import { days, num, who } from '../words';

const wonDeals = (n: number) => `${num(n)} won ${n === 1 ? 'deal' : 'deals'}`;

export const olderThanCycle: CoachingRule = {
  id: 'older-than-cycle',
  description: 'Open deal older than the typical won-deal cycle (warn) or than 9 in 10 won deals (risk).',
  run(deal, context) {
    const cycle = context.benchmarks?.cycle;
    if (!cycle || cycle.n === 0 || !deal.createdAt) return [];
    const created = dayNumber(deal.createdAt);
    const age = todayOf(context.now) - created;
    if (!(age > cycle.median)) return [];
    const risk = age > cycle.p90;
    const minOwnWon = context.settings.thresholds.minOwnWon;
    const ownWon = cycle.ownWon;
    const few = ownWon === undefined ? `you have fewer than ${minOwnWon} won deals of your own` : `you have ${wonDeals(ownWon)}, fewer than ${minOwnWon}`;
    const basis =
      cycle.basis === 'team'
        ? `the team's won deals close in ${days(cycle.median)} (median of ${num(cycle.n)} won deals; ${few})`
        : cycle.n < minOwnWon
          ? // Own deals only, below the threshold: the CRM could not say who the team is.
            `your won deals close in ${days(cycle.median)} (median of only ${wonDeals(cycle.n)}, fewer than ${minOwnWon}; no team history to compare with)`
          : `your won deals close in ${days(cycle.median)} (median of ${num(cycle.n)} won deals)`;
    const buyer = who(keyPerson(deal));
    return [
      {
        ruleId: 'older-than-cycle',
        severity: risk ? 'risk' : 'warn',
        title: risk ? 'Older than 9 in 10 won deals' : 'Older than the typical won deal',
        why: `Open ${days(age)}, since ${fromDayNumber(created)}; ${basis}, and 9 in 10 within ${days(cycle.p90)}.`,
        action: risk
          ? `Decide this week: agree a dated close plan with ${buyer}, or close the deal as lost — it has been open longer than 9 in 10 won deals took.`
          : `Check the deal is still moving: confirm the compelling event and the decision date with ${buyer}, and agree the remaining steps with dates.`,
        evidence: {
          ageDays: age,
          createdAt: fromDayNumber(created),
          medianDays: cycle.median,
          p75Days: cycle.p75,
          p90Days: cycle.p90,
          wonDeals: cycle.n,
          basis: cycle.basis,
          minOwnWon,
          ...(ownWon === undefined ? {} : { ownWon }),
        },
      },
    ];
  },
};
