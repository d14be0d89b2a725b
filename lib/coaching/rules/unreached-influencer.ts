/**
 * unreached-influencer — an economic buyer, decision maker or champion with no done call, meeting or email
 * in the last `thresholds.unreachedDays` days (DESIGN §5).
 *
 * One finding listing every unreached key person, most important first (economic buyer, decision maker,
 * champion; then the longest silence). One finding rather than one per person: the sidebar stays short,
 * the fix is one plan ("re-engage the buying group", starting with the first name), and the severity can
 * say whether the whole buying group has gone quiet (risk) or part of it (warn).
 *
 * Silent when the deal has no activity at all: "not contacted" cannot be told from "activities not logged"
 * (the coaching view says so in its limitations).
 */
import type { Stakeholder } from '../../model';
import { contactWords, hasActivityLog, influenceRank, isKey, lastContacts, todayOf, within } from '../contacts';
import type { CoachingRule } from '../types';
import { INFLUENCE_LABEL, days, list, person, plural } from '../words';

function nextMove(s: Stakeholder): string {
  if (s.influence === 'economic-buyer') return `Book a meeting with ${person(s)} this week; confirm the budget and ask what happens if this slips a quarter.`;
  if (s.influence === 'decision-maker') return `Get time with ${person(s)} to walk through their decision criteria and the date they will decide by.`;
  return `Call ${person(s)} to hear where the deal stands inside their company and who you should meet next.`;
}

export const unreachedInfluencer: CoachingRule = {
  id: 'unreached-influencer',
  description: 'Economic buyers, decision makers and champions with no done call, meeting or email in the last N days.',
  run(deal, context) {
    if (!hasActivityLog(deal)) return [];
    const key = deal.stakeholders.filter(isKey);
    if (key.length === 0) return [];
    const windowDays = context.settings.thresholds.unreachedDays;
    const today = todayOf(context.now);
    if (Number.isNaN(today)) return [];
    const contacts = lastContacts(deal);
    const silence = (s: Stakeholder) => {
      const c = contacts.get(s.id);
      return c ? today - c.day : Infinity;
    };
    const unreached = key
      .filter((s) => !within(contacts.get(s.id), today, windowDays))
      .sort((a, b) => influenceRank(a.influence) - influenceRank(b.influence) || silence(b) - silence(a));
    if (unreached.length === 0) return [];
    const first = unreached[0]!;
    const never = unreached.filter((s) => !contacts.has(s.id)).length;
    const known = unreached.map(silence).filter((d) => Number.isFinite(d));
    const details = unreached.map((s) => {
      const c = contacts.get(s.id);
      return c ? `${person(s)}: last contact ${c.date}, ${days(today - c.day)} ago` : `${person(s)}: no ${contactWords(deal)} on record`;
    });
    return [
      {
        ruleId: 'unreached-influencer',
        severity: unreached.length === key.length ? 'risk' : 'warn',
        title:
          unreached.length === 1
            ? `${INFLUENCE_LABEL[first.influence]} not reached in ${days(windowDays)}`
            : `${unreached.length} key people not reached in ${days(windowDays)}`,
        why:
          `${details.join('; ')}. ${unreached.length} of ${plural(key.length, 'key person has', 'key people have')} had no ` +
          `${contactWords(deal)} in the last ${days(windowDays)}.`,
        action:
          nextMove(first) +
          (unreached.length > 1 ? ` Then re-engage ${list(unreached.slice(1).map(person))}.` : ''),
        evidence: {
          unreachedDays: windowDays,
          keyPeople: key.length,
          unreached: unreached.length,
          neverContacted: never,
          longestSilenceDays: known.length > 0 ? Math.max(...known) : null,
          unreachedNames: unreached.map((s) => s.name),
        },
      },
    ];
  },
};
