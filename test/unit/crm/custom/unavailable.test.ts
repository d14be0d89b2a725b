import { describe, expect, it } from 'vitest';
import { CustomCrmProfile } from '../../../../lib/crm/custom/profile';
import { unavailableCoaching } from '../../../../lib/crm/custom/unavailable';
import { saoProfile, serverProfileInput } from './fixtures';

describe('unavailableCoaching', () => {
  it('names what a minimal profile cannot coach, and why', () => {
    const minimal = CustomCrmProfile.parse({ ...serverProfileInput, fields: { name: serverProfileInput.fields.name, stage: serverProfileInput.fields.stage }, extraFields: [], stakeholders: undefined, activities: undefined, qualification: [] });
    const messages = unavailableCoaching(minimal).map((u) => u.message);
    expect(messages).toEqual([
      'Cycle and age coaching unavailable: Created date is not mapped.',
      'Close-date coaching unavailable: Close date is not mapped.',
      'Pipeline concentration unavailable: Amount is not mapped.',
      'Stakeholder coaching unavailable: no stakeholder list mapped (decision maker, unreached key people, single-threaded).',
      'Activity coaching unavailable: no activity list mapped (unreached key people, single-threaded).',
      'Next-step coaching unavailable: Next step is not mapped and no activity list is mapped.',
      'Qualification coaching unavailable: no CRM field is mapped for the playbook questions.',
      'Pushed close dates and time in stage unavailable: ExampleCRM pages show no change history.',
      'Typical cycle and win-rate benchmarks unavailable: Deal Coach reads ExampleCRM one record page at a time and cannot see your closed deals.',
    ]);
  });

  it('leaves only what no page can give for a complete profile, per playbook', () => {
    const areas = (playbookId?: string) => unavailableCoaching(saoProfile, playbookId ? { playbookId } : {}).map((u) => u.area);
    expect(areas()).toEqual(['qualification', 'history', 'benchmarks']);
    const server = CustomCrmProfile.parse(serverProfileInput);
    expect(unavailableCoaching(server, { playbookId: 'bant' }).map((u) => u.area)).toEqual(['history', 'benchmarks']);
    expect(unavailableCoaching(server, { playbookId: 'meddpicc' }).find((u) => u.area === 'qualification')?.message).toBe(
      'Qualification coaching unavailable: 6 extra fields are read, but none is mapped to a question of the selected playbook.',
    );
  });

  it('warns when the stage map cannot tell closed deals, and when activities are not linked to people', () => {
    const profile = CustomCrmProfile.parse({
      ...serverProfileInput,
      fields: { ...serverProfileInput.fields, stage: { locator: { by: 'label', text: 'Stage' }, parser: { kind: 'enum', map: [], otherwise: 'open' } } },
      activities: { ...serverProfileInput.activities!, contact: undefined },
    });
    const areas = unavailableCoaching(profile).map((u) => u.area);
    expect(areas).toContain('stage');
    expect(areas).toContain('contacts');
  });
});
