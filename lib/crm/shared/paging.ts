import { CrmError } from '../types';

/**
 * Remembers the cursors a list has followed. A server that hands back a cursor it already gave
 * would otherwise be asked for the same page forever (DESIGN §9: no request storms).
 */
export function cursorGuard(crmLabel: string, what: string): (cursor: string) => string {
  const seen = new Set<string>();
  return (cursor) => {
    if (seen.has(cursor)) throw new CrmError('malformed', `${crmLabel} sent the same page of ${what} twice; Deal Coach stopped reading it.`);
    seen.add(cursor);
    return cursor;
  };
}
