/**
 * close-date-past — an open deal whose expected close date is before today (DESIGN §5).
 * Risk when it is more than `thresholds.pushDays` days overdue (a month late by default), warn otherwise.
 */
import { dayNumber, fromDayNumber } from '../../dates';
import { keyPerson, todayOf } from '../contacts';
import type { CoachingRule } from '../types';
import { days, who } from '../words';

export const closeDatePast: CoachingRule = {
  id: 'close-date-past',
  description: 'Open deal with an expected close date in the past.',
  run(deal, context) {
    if (!deal.closeDate) return [];
    const today = todayOf(context.now);
    const overdue = today - dayNumber(deal.closeDate);
    if (!(overdue > 0)) return [];
    const limit = context.settings.thresholds.pushDays;
    return [
      {
        ruleId: 'close-date-past',
        severity: overdue > limit ? 'risk' : 'warn',
        title: 'Close date has passed',
        why: `The expected close date ${deal.closeDate} passed ${days(overdue)} ago and the deal is still open in ${deal.stage.name}.`,
        action: `Ask ${who(keyPerson(deal))} for the real decision date and update the close date — or close the deal as lost. A past date misleads the forecast.`,
        evidence: { closeDate: deal.closeDate, daysOverdue: overdue, today: fromDayNumber(today), riskAfterDays: limit },
      },
    ];
  },
};
