/**
 * missing-qualification — playbook questions the CRM tracks but nobody has answered (DESIGN §5, §6).
 * One finding listing them, most important (highest weight) first. Questions the CRM does not track are
 * not failures: they are only counted in the text.
 * Severity by the share of the tracked questions' weight that is missing:
 *   risk ≥ 50%; warn when a weight-4/5 question is missing or ≥ 25%; info otherwise.
 */
import { qualificationStatus } from '../../playbooks/qualification';
import type { CoachingRule } from '../types';
import { list, percent, plural } from '../words';

export const missingQualification: CoachingRule = {
  id: 'missing-qualification',
  description: 'Qualification questions of the playbook that the CRM tracks but that are unanswered, most important first.',
  run(deal, context) {
    const view = qualificationStatus(deal, context.playbook);
    const tracked = view.items.filter((i) => i.status !== 'not-tracked');
    // Stable sort: equal weights keep the playbook's order.
    const missing = tracked.filter((i) => i.status === 'missing').sort((a, b) => b.weight - a.weight);
    if (missing.length === 0) return [];
    const trackedWeight = tracked.reduce((s, i) => s + i.weight, 0);
    const missingWeight = missing.reduce((s, i) => s + i.weight, 0);
    const share = missingWeight / trackedWeight;
    const top = missing[0]!;
    const severity = share >= 0.5 ? 'risk' : top.weight >= 4 || share >= 0.25 ? 'warn' : 'info';
    const notTracked = view.total - tracked.length;
    const rest = missing.slice(1, 3).map((i) => i.label);
    return [
      {
        ruleId: 'missing-qualification',
        severity,
        title: `${plural(missing.length, 'qualification question', 'qualification questions')} unanswered`,
        why:
          `${missing.length} of the ${tracked.length} ${view.playbookName} questions your CRM tracks ${missing.length === 1 ? 'is' : 'are'} unanswered ` +
          `(${percent(share)} of their weight, ${missingWeight} of ${trackedWeight}): ${list(missing.map((i) => i.label))}.` +
          (notTracked > 0 ? ` ${plural(notTracked, 'more question is', 'more questions are')} not tracked in your CRM.` : ''),
        action:
          `Cover ${top.label} first — ask: “${top.ask}”` + (rest.length > 0 ? ` Then ${list(rest)}.` : ''),
        evidence: {
          playbook: view.playbookId,
          missing: missing.length,
          answered: view.answered,
          tracked: tracked.length,
          notTracked,
          missingWeight,
          trackedWeight,
          missingWeightShare: share,
          missingQuestions: missing.map((i) => i.questionId),
        },
      },
    ];
  },
};
