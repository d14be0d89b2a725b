/**
 * Splitting deals for a review: by owner, by team, or by quarter. One pass, one key per deal.
 */
import { fromDayNumber, quarterOf } from '../dates';
import type { Deal } from '../model';
import { dayCache, dealFacts, type DealFacts } from './facts';

export type GroupBy = 'owner' | 'team' | 'period';
/** The team of an owner (by name, as in Maven's sales_teams.csv); null when not known. */
export type TeamOf = (ownerName: string) => string | null;

export const NO_TEAM = '(no team)';
export const NO_DATE = '(no date)';

/** Deals by group key, in first-seen order. Owner keys are owner ids (names can repeat). */
export function groupDeals(deals: readonly Deal[], by: GroupBy, teamOf?: TeamOf): Map<string, Deal[]> {
  const day = dayCache();
  const keyOf = groupKeyOf(by, teamOf);
  const groups = new Map<string, Deal[]>();
  for (const deal of deals) {
    const key = keyOf(dealFacts(deal, day)).key;
    const group = groups.get(key);
    if (group) group.push(deal);
    else groups.set(key, [deal]);
  }
  return groups;
}

/**
 * The key (and a label to show) of a deal's group:
 * - owner: owner id, labelled with the owner's name;
 * - team: `teamOf(owner name)`, or "(no team)";
 * - period: the quarter of the close for closed deals, of the creation for open ones (when the
 *   work started), or "(no date)".
 * Lookups are remembered per owner and per day, so a user's `teamOf` runs once per owner.
 */
export function groupKeyOf(by: GroupBy, teamOf?: TeamOf): (f: DealFacts) => { key: string; label: string } {
  if (by === 'owner') {
    const owners = new Map<string, { key: string; label: string }>();
    return (f) => {
      let owner = owners.get(f.ownerId);
      if (!owner) {
        owner = { key: f.ownerId, label: f.ownerName };
        owners.set(f.ownerId, owner);
      }
      return owner;
    };
  }
  if (by === 'team') {
    const teams = new Map<string, { key: string; label: string }>();
    return (f) => {
      const owner = f.ownerName;
      let team = teams.get(owner);
      if (!team) {
        const name = teamOf?.(owner) ?? NO_TEAM;
        team = { key: name, label: name };
        teams.set(owner, team);
      }
      return team;
    };
  }
  const quarters = new Map<number, { key: string; label: string }>();
  return (f) => {
    const when = f.outcome === 'open' ? f.created : f.closed;
    if (Number.isNaN(when)) return { key: NO_DATE, label: NO_DATE };
    let quarter = quarters.get(when);
    if (!quarter) {
      const name = quarterOf(fromDayNumber(when));
      quarter = { key: name, label: name };
      quarters.set(when, quarter);
    }
    return quarter;
  };
}
