/**
 * Shared readings of a deal used by several rules and by the coaching view: what counts as contact,
 * when each person was last reached, which people are key. Pure; "now" is always passed in.
 */
import { dayNumber, fromDayNumber } from '../dates';
import type { Activity, Deal, Influence, Stakeholder } from '../model';

/** A done call, meeting or email is contact with a person; tasks and notes are not. */
export const CONTACT_KINDS: ReadonlySet<Activity['kind']> = new Set(['call', 'meeting', 'email']);
const NOTE_KINDS: ReadonlySet<Activity['kind']> = new Set(['note']);

/**
 * A CRM that logs no calls, meetings or emails (Tryton keeps only notes) declares it in `deal.tracks`;
 * there a note naming a person is the only evidence of contact there is, so it counts.
 */
export function logsNotesOnly(deal: Deal): boolean {
  const kinds = deal.tracks?.activityKinds;
  return kinds !== undefined && kinds.includes('note') && !kinds.some((k) => CONTACT_KINDS.has(k));
}

/** What counts as contact, in words for a finding: what the CRM can show, nothing it cannot. */
export function contactWords(deal: Deal): string {
  return logsNotesOnly(deal) ? 'note naming them' : 'done call, meeting or email';
}

export function contactKinds(deal: Deal): ReadonlySet<Activity['kind']> {
  return logsNotesOnly(deal) ? NOTE_KINDS : CONTACT_KINDS;
}

/** People whose absence or silence puts a deal at risk, most important first. */
export const KEY_INFLUENCES: readonly Influence[] = ['economic-buyer', 'decision-maker', 'champion'];

export function isKey(s: Pick<Stakeholder, 'influence'>): boolean {
  return s.influence === 'economic-buyer' || s.influence === 'decision-maker' || s.influence === 'champion';
}

/** Rank for "most important first": economic buyer, decision maker, champion, then everyone else. */
export function influenceRank(influence: Influence): number {
  const i = KEY_INFLUENCES.indexOf(influence);
  return i === -1 ? KEY_INFLUENCES.length : i;
}

export function isOpen(deal: Deal): boolean {
  return deal.stage.category === 'open';
}

/** Day number of "now" (UTC calendar day of the injected instant). */
export function todayOf(now: string): number {
  return dayNumber(now);
}

export interface LastContact {
  /** Day number of the contact. */
  day: number;
  /** Calendar date, YYYY-MM-DD. */
  date: string;
}

/** Latest done call/meeting/email naming each stakeholder id. Activities with unreadable dates are ignored. */
export function lastContacts(deal: Deal): Map<string, LastContact> {
  const latest = new Map<string, number>();
  const kinds = contactKinds(deal);
  for (const a of deal.activities) {
    if (!a.done || !kinds.has(a.kind) || a.stakeholderIds.length === 0) continue;
    const day = dayNumber(a.at);
    if (Number.isNaN(day)) continue;
    for (const id of a.stakeholderIds) {
      const prev = latest.get(id);
      if (prev === undefined || day > prev) latest.set(id, day);
    }
  }
  const out = new Map<string, LastContact>();
  for (const [id, day] of latest) out.set(id, { day, date: fromDayNumber(day) });
  return out;
}

/**
 * Whether a contact counts as within the last `windowDays` days of `today`. A done activity dated in the
 * future (clock or zone skew) counts as recent.
 */
export function within(contact: LastContact | undefined, today: number, windowDays: number): boolean {
  return contact !== undefined && today - contact.day <= windowDays;
}

/**
 * Contact-based checks need an activity log. A deal with no activity of any kind most likely comes from a
 * CRM (or an export) whose activities we do not read, so "not contacted" cannot be told from "not logged".
 */
export function hasActivityLog(deal: Deal): boolean {
  if (deal.tracks?.people === false) return false;
  // A CRM that declares what it logs has a log, even when this deal's is empty.
  return deal.activities.length > 0 || (deal.tracks?.activityKinds?.length ?? 0) > 0;
}

/** A deal with neither contacts nor activities carries no people data at all (CSV exports, Maven). */
export function hasPeopleData(deal: Deal): boolean {
  if (deal.tracks?.people === false) return false;
  return deal.stakeholders.length > 0 || deal.activities.length > 0;
}

/** The person a rep would naturally ask for help: the champion, else the primary contact, else the first contact. */
export function insider(deal: Deal): Stakeholder | undefined {
  return deal.stakeholders.find((s) => s.influence === 'champion') ?? deal.stakeholders.find((s) => s.isPrimary) ?? deal.stakeholders[0];
}

/** The most senior key person on the deal (economic buyer, then decision maker, then champion), if any. */
export function keyPerson(deal: Deal): Stakeholder | undefined {
  let best: Stakeholder | undefined;
  for (const s of deal.stakeholders) {
    if (isKey(s) && (!best || influenceRank(s.influence) < influenceRank(best.influence))) best = s;
  }
  return best;
}
