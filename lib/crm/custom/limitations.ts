/**
 * The sidebar's "What coaching could not check" for a custom CRM: first what the profile cannot give
 * because a field is not mapped (unavailable.ts, naming the mapping that would unlock it), then the
 * coaching engine's own notes about this deal — minus those that only repeat, in general words, an
 * area the profile notes already explain (the engine says "Amount unknown"; the profile says why:
 * "Amount is not mapped"). Pure; types only.
 */
import type { DealCoachingView } from '../../coaching/types';
import type { CustomCrmProfile } from './profile';
import type { UnavailableCoaching } from './unavailable';

/**
 * Engine notes (lib/coaching/engine.ts `limitations`) by the area that explains them. Matched by
 * their opening words: when the engine rewords a note it is simply shown as well, never lost.
 */
const ENGINE_NOTE_AREAS: ReadonlyArray<[RegExp, UnavailableCoaching['area']]> = [
  [/^Cycle and stage benchmarks unavailable/, 'benchmarks'],
  [/^Typical cycle unavailable/, 'benchmarks'],
  [/^This CRM does not record close-date changes/, 'history'],
  [/^No valid creation date/, 'cycle'],
  [/^Amount unknown/, 'amount'],
  [/^No expected close date/, 'close-date'],
  [/^No contacts are linked/, 'stakeholders'],
  [/^No calls, meetings, emails or tasks are logged/, 'activities'],
  [/^None of the .* questions is tracked/, 'qualification'],
];

export function customLimitations(unavailable: readonly UnavailableCoaching[], engineNotes: readonly string[]): string[] {
  const areas = new Set(unavailable.map((u) => u.area));
  const kept = engineNotes.filter((note) => {
    const area = ENGINE_NOTE_AREAS.find(([re]) => re.test(note))?.[1];
    return area === undefined || !areas.has(area);
  });
  return [...unavailable.map((u) => u.message), ...kept];
}

/**
 * Findings a profile cannot support, left out rather than shown wrong: without a contact column the
 * activities are linked to nobody, so every key person would look "never contacted" and the deal
 * "single-threaded" — the limitations say it cannot be checked instead.
 */
export function supportedFindings(view: DealCoachingView, profile: Pick<CustomCrmProfile, 'activities'>): DealCoachingView['findings'] {
  if (profile.activities?.contact) return view.findings;
  return view.findings.filter((f) => f.ruleId !== 'unreached-influencer' && f.ruleId !== 'single-threaded');
}

/** A custom CRM's coaching view: only the findings its mapping supports, and limitations led by what is not mapped. */
export function customView(view: DealCoachingView, profile: Pick<CustomCrmProfile, 'activities'>, unavailable: readonly UnavailableCoaching[]): DealCoachingView {
  return {
    ...view,
    findings: supportedFindings(view, profile),
    limitations: customLimitations(unavailable, view.limitations),
  };
}
