/** Quarters counted back from "now", for the popup's push rate and trend. Date math via lib/dates. */
import { addDays, quarterOf, quarterPeriod, type Period } from '../dates';

/** The last quarter that ended before `now` (on 2018-01-15: 2017-Q4). */
export function lastFullQuarter(now: string): Period {
  return quarterPeriod(quarterOf(addDays(quarterPeriod(quarterOf(now)).start, -1)));
}

/** The `count` full quarters before `now`, oldest first. */
export function fullQuartersBefore(now: string, count: number): Period[] {
  const quarters: Period[] = [];
  let q = lastFullQuarter(now);
  for (let i = 0; i < count; i++) {
    quarters.unshift(q);
    q = quarterPeriod(quarterOf(addDays(q.start, -1)));
  }
  return quarters;
}
