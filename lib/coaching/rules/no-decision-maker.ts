/**
 * no-decision-maker — no stakeholder is recorded as economic buyer or decision maker (DESIGN §5).
 * Silent when the deal carries no people data at all (no contacts and no activities: CSV exports, Maven),
 * where "none identified" would only mean "not in this data".
 */
import type { Influence } from '../../model';
import { hasPeopleData, insider } from '../contacts';
import type { CoachingRule } from '../types';
import { influenceCount, list, person, plural } from '../words';

export const noDecisionMaker: CoachingRule = {
  id: 'no-decision-maker',
  description: 'No contact on the deal is marked economic buyer or decision maker.',
  run(deal) {
    if (!hasPeopleData(deal)) return [];
    const people = deal.stakeholders;
    if (people.some((s) => s.influence === 'economic-buyer' || s.influence === 'decision-maker')) return [];
    const counts = new Map<Influence, number>();
    for (const s of people) counts.set(s.influence, (counts.get(s.influence) ?? 0) + 1);
    const mix = [...counts].map(([influence, n]) => influenceCount(influence, n));
    const ins = insider(deal);
    return [
      {
        ruleId: 'no-decision-maker',
        severity: 'warn',
        title: 'No decision maker identified',
        why:
          people.length === 0
            ? `No contacts are linked to this deal (${plural(deal.activities.length, 'activity', 'activities')} logged), so nobody is identified as economic buyer or decision maker.`
            : `None of the ${plural(people.length, 'contact', 'contacts')} on this deal is marked economic buyer or decision maker (roles: ${list(mix)}).`,
        action: ins
          ? `Ask ${person(ins)} who signs off on this purchase and how they will decide; add that person to the deal and ask for an introduction.`
          : 'Ask your main contact who approves the budget for this and how they will decide; add that person to the deal with their role.',
        evidence: {
          stakeholders: people.length,
          champions: counts.get('champion') ?? 0,
          withoutRole: counts.get('other') ?? 0,
        },
      },
    ];
  },
};
