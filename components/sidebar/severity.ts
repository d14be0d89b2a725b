/** Severity words, icons and tones. Type-only imports from lib/model: no zod in the content script. */
import type { Finding, Severity } from '../../lib/model';
import type { IconName } from '../icons';

export const SEVERITY: Record<Severity, { one: string; many: string; icon: IconName; tone: string }> = {
  risk: { one: 'risk', many: 'risks', icon: 'risk', tone: 'dc-tone-risk' },
  warn: { one: 'warning', many: 'warnings', icon: 'warn', tone: 'dc-tone-warn' },
  info: { one: 'note', many: 'notes', icon: 'info', tone: 'dc-tone-info' },
};

export const GROUP_TITLE: Record<Severity, string> = { risk: 'Risks', warn: 'Warnings', info: 'Info' };

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { risk: 0, warn: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

/** Same order as lib/model SEVERITY_ORDER; copied so the content script does not pull in zod. */
export const SEVERITY_ORDER: readonly Severity[] = ['risk', 'warn', 'info'];
