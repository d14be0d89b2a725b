/**
 * no-next-step — no next step written down and no open activity scheduled from today on (DESIGN §5).
 * `nextStep` undefined means the CRM has no such field: then only scheduled activities count, and with no
 * activities either the rule stays silent (nothing to judge).
 */
import { dayNumber } from '../../dates';
import { insider, logsNotesOnly, todayOf } from '../contacts';
import type { CoachingRule } from '../types';
import { plural, who } from '../words';

export const noNextStep: CoachingRule = {
  id: 'no-next-step',
  description: 'No next step recorded and nothing scheduled.',
  run(deal, context) {
    const noField = deal.tracks?.nextStep === false;
    const next = noField ? undefined : deal.nextStep;
    if (next != null && next.trim() !== '') return [];
    if (next === undefined && deal.activities.length === 0) return [];
    // No next-step field and nothing that can be scheduled (a notes-only CRM): nothing to judge.
    if (next === undefined && logsNotesOnly(deal)) return [];
    const today = todayOf(context.now);
    if (Number.isNaN(today)) return [];
    let upcoming = 0;
    let overdue = 0;
    for (const a of deal.activities) {
      if (a.done) continue;
      const day = dayNumber(a.at);
      if (day >= today) upcoming++;
      else if (day < today) overdue++;
    }
    if (upcoming > 0) return [];
    const contact = who(insider(deal), 'your main contact');
    const nothing = `no open call, meeting or task is scheduled from today on${overdue > 0 ? ` (${plural(overdue, 'open activity is', 'open activities are')} overdue)` : ''}`;
    return [
      {
        ruleId: 'no-next-step',
        severity: 'warn',
        title: 'No next step',
        why: next === undefined ? `Nothing is planned: ${nothing}.` : `No next step is recorded and ${nothing}.`,
        action:
          overdue > 0
            ? `Reschedule the ${plural(overdue, 'overdue activity', 'overdue activities')}, and agree the next step with ${contact}: who does what, by when.`
            : `Agree the next step with ${contact} and put it in the calendar: who does what, by when.`,
        evidence: { nextStep: next ?? null, upcomingOpenActivities: upcoming, overdueOpenActivities: overdue },
      },
    ];
  },
};
