/** Every adapter's output passes the Deal schema (DESIGN §9); a bad payload names what could not be read. */
import { Deal, type DealInput } from '../../model';
import { CrmError } from '../types';

/** Things every CRM requires on a deal; a record without them is a payload we misread, not a deal. */
function missingEssentials(input: DealInput): string[] {
  const missing: string[] = [];
  if (!input.ref?.id) missing.push('id');
  if (!input.name) missing.push('name');
  if (!input.stage?.name) missing.push('stage');
  return missing;
}

export function validateDeal(input: DealInput, crmLabel: string): Deal {
  const missing = missingEssentials(input);
  const parsed = Deal.safeParse(input);
  if (parsed.success && missing.length === 0) return parsed.data;
  const issues = parsed.success ? [] : parsed.error.issues.map((i) => (i.path.length ? i.path.join('.') : '(record)'));
  const what = [...new Set([...missing, ...issues])].slice(0, 5);
  throw new CrmError('malformed', `${crmLabel} sent a record we could not read (${what.join(', ')}).`);
}
