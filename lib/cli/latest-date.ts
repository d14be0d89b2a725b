import { toIsoDate } from '../dates';
import type { Deal } from '../model';

/** The latest created/closed date among the deals: the day an export was taken, near enough. */
export function latestDate(deals: readonly Deal[]): string | null {
  let latest: string | null = null;
  for (const d of deals) {
    for (const t of [d.createdAt, d.closedAt]) {
      if (!t) continue;
      const day = toIsoDate(t);
      if (latest === null || day > latest) latest = day;
    }
  }
  return latest;
}
