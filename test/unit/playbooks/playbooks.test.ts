import { describe, expect, it } from 'vitest';
import { Playbook, PlaybookId } from '../../../lib/model';
import { BANT, DEALMAKER, MAPPED_CRMS, MEDDPICC, PLAYBOOKS, getPlaybook, isKnownFact, parseFieldSpec } from '../../../lib/playbooks';

const DEALMAKER_IDS = [
  'identified-project',
  'budget-allocated',
  'compelling-event',
  'influencers-identified',
  'influencer-roles',
  'won-before',
  'can-win',
  'information-source',
  'competing-projects',
  'completion-date',
  'competitive-advantage',
  'buyer-needs',
  'meet-needs',
  'slip-impact',
  'downside-no-purchase',
];

describe('playbooks', () => {
  it.each(PLAYBOOKS.map((p) => [p.id, p] as const))('%s is valid against the Playbook schema', (_id, playbook) => {
    expect(Playbook.parse(playbook)).toEqual(playbook);
  });

  it('ships exactly the playbooks settings can name, each found by id', () => {
    expect(PLAYBOOKS.map((p) => p.id)).toEqual(PlaybookId.options);
    for (const id of PlaybookId.options) expect(getPlaybook(id)?.id).toBe(id);
    expect(getPlaybook('nope')).toBeUndefined();
    expect(getPlaybook('nope', true)).toBe(DEALMAKER);
  });

  it('Dealmaker has the fifteen seed questions, with stable ids, in the seed order', () => {
    expect(DEALMAKER.questions.map((q) => q.id)).toEqual(DEALMAKER_IDS);
  });

  it('MEDDPICC and BANT have their letters in order', () => {
    expect(MEDDPICC.questions.map((q) => q.id)).toEqual([
      'metrics',
      'economic-buyer',
      'decision-criteria',
      'decision-process',
      'paper-process',
      'identify-pain',
      'champion',
      'competition',
    ]);
    expect(MEDDPICC.description).toContain('MEDDICC');
    expect(BANT.questions.map((q) => q.id)).toEqual(['budget', 'authority', 'need', 'timeline']);
  });

  it('every question has a kebab-case id, a label, a why, a way to ask and a weight', () => {
    for (const p of PLAYBOOKS) {
      expect(new Set(p.questions.map((q) => q.id)).size).toBe(p.questions.length);
      for (const q of p.questions) {
        expect(q.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
        expect(q.label.length).toBeGreaterThan(2);
        expect(q.why.length).toBeGreaterThan(20);
        expect(q.ask.endsWith('?')).toBe(true);
        expect(q.weight).toBeGreaterThanOrEqual(1);
        expect(q.weight).toBeLessThanOrEqual(5);
      }
    }
  });

  it('maps every CRM adapter, only to its own questions, with known facts and plausible field names', () => {
    for (const p of PLAYBOOKS) {
      expect(Object.keys(p.mappings).sort()).toEqual([...MAPPED_CRMS].sort());
      const ids = new Set(p.questions.map((q) => q.id));
      for (const [crm, mapping] of Object.entries(p.mappings)) {
        for (const [questionId, specs] of Object.entries(mapping)) {
          expect(ids.has(questionId), `${p.id}/${crm}/${questionId}`).toBe(true);
          expect(specs.length).toBeGreaterThan(0);
          for (const raw of specs) {
            const spec = parseFieldSpec(raw);
            if (spec.fact) expect(isKnownFact(spec.name), raw).toBe(true);
            else expect(spec.name, raw).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
          }
        }
      }
    }
  });

  it('maps every Dealmaker question to its qual_ field in the demo CRM', () => {
    for (const id of DEALMAKER_IDS) {
      const fields = DEALMAKER.mappings.demo![id]!.map((s) => parseFieldSpec(s).name);
      expect(fields).toContain(`qual_${id.replaceAll('-', '_')}`);
    }
  });
});
