/**
 * single-threaded — at most `thresholds.singleThreadedMax` contacts engaged by a done call, meeting or email
 * within `thresholds.engagedDays` days (DESIGN §5). Risk when nobody is engaged, warn otherwise.
 * Silent when the deal has no activity at all ("not engaged" cannot be told from "not logged").
 */
import { contactWords, hasActivityLog, influenceRank, lastContacts, todayOf, within } from '../contacts';
import type { CoachingRule } from '../types';
import { days, list, person, plural } from '../words';

export const singleThreaded: CoachingRule = {
  id: 'single-threaded',
  description: 'Too few contacts engaged recently: the deal rests on one person (or none).',
  run(deal, context) {
    if (!hasActivityLog(deal)) return [];
    const { engagedDays, singleThreadedMax } = context.settings.thresholds;
    const today = todayOf(context.now);
    if (Number.isNaN(today)) return [];
    const contacts = lastContacts(deal);
    const people = deal.stakeholders;
    const engaged = people.filter((s) => within(contacts.get(s.id), today, engagedDays));
    if (engaged.length > singleThreadedMax) return [];
    const others = people
      .filter((s) => !engaged.includes(s))
      .sort((a, b) => influenceRank(a.influence) - influenceRank(b.influence));
    const window = `in the last ${days(engagedDays)}`;
    let why: string;
    if (people.length === 0) why = `No contacts are linked to this deal, so nobody was engaged by a ${contactWords(deal)} ${window}.`;
    else if (engaged.length === 0) why = `None of the ${plural(people.length, 'contact', 'contacts')} had a ${contactWords(deal)} ${window}.`;
    else why = `Only ${engaged.length} of ${plural(people.length, 'contact', 'contacts')} (${list(engaged.map((s) => s.name))}) had a ${contactWords(deal)} ${window}.`;
    why += ` Flagged at ${singleThreadedMax} or fewer engaged.`;
    const anchor = engaged[0];
    const target = others[0];
    let action: string;
    if (anchor && target) action = `Ask ${anchor.name} to introduce you to ${person(target)} and book a meeting with them; a deal resting on one person stalls when they go quiet.`;
    else if (anchor) action = `Ask ${anchor.name} who else is involved in the decision — finance, IT, whoever signs — and meet at least one of them this month.`;
    else if (target) action = `Re-open the conversation: book a call with ${person(target)} this week and ask who else is involved in the decision.`;
    else action = "Find out who is involved on the buyer's side — who uses it, who evaluates it, who signs — and link them to the deal.";
    return [
      {
        ruleId: 'single-threaded',
        severity: engaged.length === 0 ? 'risk' : 'warn',
        title: engaged.length === 0 ? 'No one engaged recently' : 'Single-threaded',
        why,
        action,
        evidence: {
          engaged: engaged.length,
          stakeholders: people.length,
          engagedDays,
          singleThreadedMax,
          engagedNames: engaged.map((s) => s.name),
        },
      },
    ];
  },
};
