/**
 * What coaching a custom CRM profile cannot give, and why, before any deal is read: the sidebar
 * lists it under "What coaching could not check" and the options page shows it beside the editor,
 * so an admin sees which mapping would unlock which coaching. Zod-free (types only).
 */
import { FIELD_LABELS, type DealFieldKey } from './fields';
import type { CustomCrmProfile } from './profile';

export interface UnavailableCoaching {
  /** Stable id for tests and for the UI to pick an icon. */
  area: 'cycle' | 'close-date' | 'amount' | 'stage' | 'stakeholders' | 'activities' | 'contacts' | 'next-step' | 'qualification' | 'history' | 'benchmarks';
  message: string;
  /** The fields or lists that would make it available (empty: not possible from a page). */
  needs: string[];
}

type ProfileShape = Pick<CustomCrmProfile, 'name' | 'fields' | 'extraFields' | 'stakeholders' | 'activities' | 'qualification'>;

function mapped(profile: ProfileShape, key: DealFieldKey): boolean {
  return profile.fields[key] !== undefined;
}

export function unavailableCoaching(profile: ProfileShape, options: { playbookId?: string } = {}): UnavailableCoaching[] {
  const out: UnavailableCoaching[] = [];
  const missing = (key: DealFieldKey) => `${FIELD_LABELS[key]} is not mapped`;

  if (!mapped(profile, 'createdAt')) out.push({ area: 'cycle', message: `Cycle and age coaching unavailable: ${missing('createdAt')}.`, needs: ['createdAt'] });
  if (!mapped(profile, 'closeDate')) out.push({ area: 'close-date', message: `Close-date coaching unavailable: ${missing('closeDate')}.`, needs: ['closeDate'] });
  if (!mapped(profile, 'amount')) out.push({ area: 'amount', message: `Pipeline concentration unavailable: ${missing('amount')}.`, needs: ['amount'] });
  const stage = profile.fields.stage;
  if (stage && stage.parser.kind === 'enum') {
    const categories = new Set(stage.parser.map.map((m) => m.category));
    if (stage.parser.otherwise) categories.add(stage.parser.otherwise);
    if (!categories.has('won') && !categories.has('lost')) {
      out.push({ area: 'stage', message: 'Closed deals cannot be told apart: the stage map names no won or lost stage, so every deal is coached as open.', needs: ['stage'] });
    }
  }

  if (!profile.stakeholders) {
    out.push({ area: 'stakeholders', message: 'Stakeholder coaching unavailable: no stakeholder list mapped (decision maker, unreached key people, single-threaded).', needs: ['stakeholders'] });
  } else if (!profile.stakeholders.role) {
    out.push({ area: 'stakeholders', message: "Decision-maker coaching unavailable: the stakeholder list has no role column, so nobody's influence is known.", needs: ['stakeholders.role'] });
  }
  if (!profile.activities) {
    out.push({ area: 'activities', message: 'Activity coaching unavailable: no activity list mapped (unreached key people, single-threaded).', needs: ['activities'] });
  } else if (!profile.activities.contact) {
    out.push({ area: 'contacts', message: 'Unreached key people cannot be checked: activities are not linked to people (map a contact column).', needs: ['activities.contact'] });
  }
  if (!mapped(profile, 'nextStep') && !profile.activities) {
    out.push({ area: 'next-step', message: `Next-step coaching unavailable: ${missing('nextStep')} and no activity list is mapped.`, needs: ['nextStep', 'activities'] });
  }

  const questions = profile.qualification.filter((q) => options.playbookId === undefined || q.playbook === options.playbookId);
  if (questions.length === 0) {
    out.push({
      area: 'qualification',
      message:
        profile.extraFields.length === 0
          ? 'Qualification coaching unavailable: no CRM field is mapped for the playbook questions.'
          : `Qualification coaching unavailable: ${profile.extraFields.length} extra field${profile.extraFields.length === 1 ? ' is' : 's are'} read, but none is mapped to a question of ${options.playbookId ? 'the selected playbook' : 'a playbook'}.`,
      needs: ['qualification'],
    });
  }

  out.push({
    area: 'history',
    message: `Pushed close dates and time in stage unavailable: ${profile.name} pages show no change history.`,
    needs: [],
  });
  out.push({
    area: 'benchmarks',
    message: `Typical cycle and win-rate benchmarks unavailable: Deal Coach reads ${profile.name} one record page at a time and cannot see your closed deals.`,
    needs: [],
  });
  return out;
}
