/**
 * The editor's choice of where a record URL carries its id, and the rule each choice starts from.
 * Pure; types only.
 */
import type { CustomCrmProfile } from '../../lib/crm/custom/profile';

export const RECORD_KINDS = [
  ['path-segment', 'Path (/deals/:id)'],
  ['query', 'Query parameter (?id=…)'],
  ['hash-route', 'Hash route (#/opportunity/:id)'],
  ['hash-param', 'Hash parameter (#…&id=…)'],
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number][0];

export function recordKind(rule: CustomCrmProfile['recordUrl']): RecordKind {
  if (rule.kind === 'hash') return rule.param !== undefined ? 'hash-param' : 'hash-route';
  return rule.kind;
}

export function recordRuleOfKind(kind: RecordKind): CustomCrmProfile['recordUrl'] {
  switch (kind) {
    case 'path-segment':
      return { kind: 'path-segment', pattern: '/deals/:id' };
    case 'query':
      return { kind: 'query', param: 'id' };
    case 'hash-route':
      return { kind: 'hash', pattern: '#/opportunity/:id' };
    case 'hash-param':
      return { kind: 'hash', param: 'id' };
  }
}
