/**
 * close-date-pushed — the expected close date was moved out `thresholds.pushCount` times or more, or by more
 * than `thresholds.pushDays` days in all (DESIGN §4, §5). Risk when both hold.
 * A push is a change to a later date; "in all" is from the first recorded close date to the current one.
 * Silent when the CRM keeps no history (`history.tracked` false): absence of changes is not evidence.
 */
import { dayNumber } from '../../dates';
import type { CloseDateChange } from '../../model';
import { keyPerson, todayOf } from '../contacts';
import type { CoachingRule } from '../types';
import { days, plural, who } from '../words';

export const closeDatePushed: CoachingRule = {
  id: 'close-date-pushed',
  description: 'Expected close date moved out repeatedly or far.',
  run(deal, context) {
    const { tracked, closeDateChanges } = deal.history;
    if (!tracked || closeDateChanges.length === 0) return [];
    const changes: CloseDateChange[] = closeDateChanges
      .map((c, i) => ({ c, i, day: dayNumber(c.at) }))
      .sort((a, b) => (a.day - b.day || a.i - b.i))
      .map((x) => x.c);
    const pushes = changes.filter((c) => c.from !== null && c.to !== null && c.to > c.from).length;
    const first = changes.find((c) => c.from !== null)?.from ?? null;
    let current = deal.closeDate;
    if (current === null) {
      for (let i = changes.length - 1; i >= 0 && current === null; i--) current = changes[i]!.to;
    }
    const total = first !== null && current !== null ? dayNumber(current) - dayNumber(first) : 0;
    const totalDays = Number.isFinite(total) ? total : 0;
    const { pushCount, pushDays } = context.settings.thresholds;
    const often = pushes >= pushCount;
    const far = totalDays > pushDays;
    if (!often && !far) return [];
    return [
      {
        ruleId: 'close-date-pushed',
        severity: often && far ? 'risk' : 'warn',
        title: often ? `Close date pushed ${plural(pushes, 'time', 'times')}` : `Close date pushed ${days(totalDays)}`,
        why:
          `Close date moved out ${plural(pushes, 'time', 'times')}, ${days(totalDays)} in all, from ${first} to ${current}` +
          ` (flagged at ${pushCount} moves or more than ${days(pushDays)}).`,
        action:
          current !== null && dayNumber(current) < todayOf(context.now)
            ? `Even ${current} has passed: ask ${who(keyPerson(deal))} what changed and for the real decision date, then write the remaining steps down with dates and agree them together.`
            : `Before moving it again, ask ${who(keyPerson(deal))} what changed and what must happen for ${current} to hold; write the remaining steps down with dates and agree them together.`,
        evidence: {
          pushes,
          totalDays,
          firstCloseDate: first,
          currentCloseDate: current,
          pushCountThreshold: pushCount,
          pushDaysThreshold: pushDays,
        },
      },
    ];
  },
};
