import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, Thresholds, type Settings } from '../../../lib/model';
import { applyPolicy, isCrmEnabled, lockedPaths, parsePolicy, policyNotices, userPart } from '../../../lib/platform/policy';

const user: Settings = { playbookId: 'bant', thresholds: { ...DEFAULT_SETTINGS.thresholds, pushCount: 5, unreachedDays: 14 } };

describe('parsePolicy', () => {
  it('reads every key of a valid policy', () => {
    const { policy, ignored } = parsePolicy({
      playbook: 'meddpicc',
      thresholds: { pushCount: 3, stalledFactor: 2.5 },
      enabledCrms: ['salesforce', 'custom:acme'],
      customCrmDomains: [{ origin: 'https://CRM.Example.com/', crm: 'dynamics' }],
      customCrms: [{ id: 'acme', name: 'Acme CRM' }],
      disableCsvImport: true,
    });
    expect(ignored).toEqual([]);
    expect(policy).toEqual({
      playbook: 'meddpicc',
      thresholds: { pushCount: 3, stalledFactor: 2.5 },
      enabledCrms: ['salesforce', 'custom:acme'],
      customCrmDomains: [{ origin: 'https://crm.example.com', crm: 'dynamics' }],
      customCrms: [{ id: 'acme', name: 'Acme CRM' }],
      disableCsvImport: true,
    });
  });

  it('is empty without managed storage (Firefox, unmanaged browser)', () => {
    expect(parsePolicy(undefined)).toEqual({ policy: {}, ignored: [] });
    expect(parsePolicy({})).toEqual({ policy: {}, ignored: [] });
    expect(parsePolicy('nonsense').policy).toEqual({});
  });

  it('ignores invalid keys one by one and keeps the rest', () => {
    const { policy, ignored } = parsePolicy({
      playbook: 'spin',
      thresholds: { pushCount: 99, pushDays: 45, bogus: 1, unreachedDays: '30' },
      enabledCrms: 'salesforce',
      disableCsvImport: 'yes',
      surprise: true,
    });
    expect(policy).toEqual({ thresholds: { pushDays: 45 } });
    expect(ignored.map((line) => line.split(':')[0])).toEqual(['playbook', 'thresholds.pushCount', 'thresholds.bogus', 'thresholds.unreachedDays', 'enabledCrms', 'disableCsvImport', 'surprise']);
  });

  it('drops bad list entries, not the whole list', () => {
    const { policy, ignored } = parsePolicy({
      enabledCrms: ['hubspot', 42, 'Bad Id', 'hubspot'],
      customCrmDomains: [
        { origin: 'https://crm.acme.com', crm: 'salesforce' },
        { origin: 'http://tryton.lan:8000', crm: 'tryton' },
        { origin: 'ftp://crm.acme.com', crm: 'tryton' },
        { origin: 'https://crm.acme.com/path', crm: 'salesforce' },
        { origin: 'https://u:p@crm.acme.com', crm: 'salesforce' },
        { origin: 'https://crm.acme.com', crm: 'Not A CRM' },
      ],
      customCrms: [{ id: 'a' }, 'not a profile', null, [1]],
    });
    expect(policy.enabledCrms).toEqual(['hubspot']);
    expect(policy.customCrmDomains).toEqual([
      { origin: 'https://crm.acme.com', crm: 'salesforce' },
      { origin: 'http://tryton.lan:8000', crm: 'tryton' },
    ]);
    expect(policy.customCrms).toEqual([{ id: 'a' }]);
    expect(ignored).toHaveLength(2 + 4 + 3);
  });

  it('reads custom CRM profiles given as objects or as JSON text (a profile, a list, the options export)', () => {
    const acme = { id: 'acme', name: 'Acme' };
    const beta = { id: 'beta', name: 'Beta' };
    const { policy, ignored } = parsePolicy({
      customCrms: [JSON.stringify(acme), acme, JSON.stringify({ format: 'deal-coach/custom-crm', version: 1, profiles: [acme, beta] }), JSON.stringify([beta]), '{not json', '"text"', '[]'],
    });
    expect(policy.customCrms).toEqual([acme, acme, acme, beta, beta]);
    expect(ignored.map((line) => line.split(':')[0])).toEqual(['customCrms[4]', 'customCrms[5]', 'customCrms[6]']);
  });

  it('accepts each threshold exactly within the ranges of the Settings model', () => {
    for (const [name, field] of Object.entries(Thresholds.shape)) {
      const inner = field.unwrap();
      const { minValue, maxValue } = inner as unknown as { minValue: number; maxValue: number };
      expect(parsePolicy({ thresholds: { [name]: minValue } }).policy.thresholds, name).toEqual({ [name]: minValue });
      expect(parsePolicy({ thresholds: { [name]: maxValue } }).policy.thresholds, name).toEqual({ [name]: maxValue });
      expect(parsePolicy({ thresholds: { [name]: maxValue + 1 } }).policy.thresholds, name).toBeUndefined();
      expect(parsePolicy({ thresholds: { [name]: minValue - 1 } }).policy.thresholds, name).toBeUndefined();
    }
  });
});

describe('applyPolicy', () => {
  it('lets the policy win over the person and leaves the rest theirs', () => {
    const merged = applyPolicy(user, { playbook: 'meddpicc', thresholds: { pushCount: 3 } });
    expect(merged.playbookId).toBe('meddpicc');
    expect(merged.thresholds.pushCount).toBe(3);
    expect(merged.thresholds.unreachedDays).toBe(14);
    expect(merged.thresholds.pushDays).toBe(DEFAULT_SETTINGS.thresholds.pushDays);
  });

  it('changes nothing without a policy', () => {
    expect(applyPolicy(user, {})).toEqual(user);
  });

  it('names the locked settings as the options page does', () => {
    expect(lockedPaths({ playbook: 'bant', thresholds: { pushCount: 3, pushDays: 10 }, disableCsvImport: true })).toEqual(['playbookId', 'thresholds.pushCount', 'thresholds.pushDays']);
    expect(lockedPaths({})).toEqual([]);
  });

  it('stores the person’s own value where the policy decides, so lifting the policy restores it', () => {
    const policy = { playbook: 'meddpicc' as const, thresholds: { pushCount: 3 } };
    const shown = applyPolicy(user, policy);
    const edited: Settings = { ...shown, thresholds: { ...shown.thresholds, unreachedDays: 21 } };
    const stored = userPart(edited, user, policy);
    expect(stored.playbookId).toBe('bant');
    expect(stored.thresholds.pushCount).toBe(5);
    expect(stored.thresholds.unreachedDays).toBe(21);
    expect(applyPolicy(stored, policy)).toEqual(edited);
  });
});

describe('isCrmEnabled', () => {
  it('enables every CRM without a list', () => {
    expect(isCrmEnabled({}, 'salesforce')).toBe(true);
    expect(isCrmEnabled({}, 'custom:x')).toBe(true);
  });

  it('enables only the listed CRMs', () => {
    const policy = { enabledCrms: ['salesforce'] };
    expect(isCrmEnabled(policy, 'salesforce')).toBe(true);
    expect(isCrmEnabled(policy, 'demo')).toBe(false);
    expect(isCrmEnabled(policy, 'custom:x')).toBe(false);
  });

  it('enables custom CRMs by "custom", by their own id, or when the policy itself pushes the profile', () => {
    expect(isCrmEnabled({ enabledCrms: ['custom'] }, 'custom:x')).toBe(true);
    expect(isCrmEnabled({ enabledCrms: ['custom:x'] }, 'custom:x')).toBe(true);
    expect(isCrmEnabled({ enabledCrms: ['custom:x'] }, 'custom:y')).toBe(false);
    expect(isCrmEnabled({ enabledCrms: [], customCrms: [{ id: 'y' }] }, 'custom:y')).toBe(true);
  });
});

describe('policyNotices', () => {
  it('says which CRMs are on and that CSV import is off; nothing without a policy', () => {
    expect(policyNotices({})).toEqual([]);
    expect(policyNotices({ enabledCrms: ['salesforce', 'custom:acme'], disableCsvImport: true })).toEqual([
      'Your administrator turned Deal Coach on only for Salesforce, the custom CRM "acme".',
      'Importing CSV reports into the review is disabled by your administrator.',
    ]);
    expect(policyNotices({ enabledCrms: [] })).toEqual(['Your administrator turned Deal Coach off for every CRM.']);
  });
});

describe('managed schema (public/managed-schema.json)', () => {
  const schema = JSON.parse(readFileSync('public/managed-schema.json', 'utf8')) as {
    type: string;
    properties: Record<string, { type: string; enum?: string[]; properties?: Record<string, { type: string; minimum?: number; maximum?: number }> }>;
  };

  it('declares exactly the keys the policy reader knows', () => {
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties).sort()).toEqual(['customCrmDomains', 'customCrms', 'disableCsvImport', 'enabledCrms', 'playbook', 'thresholds']);
    // Every declared key parses (no "unknown policy").
    const sample = { playbook: 'bant', thresholds: {}, enabledCrms: [], customCrmDomains: [], customCrms: [], disableCsvImport: false };
    expect(parsePolicy(sample).ignored).toEqual([]);
  });

  it('declares every threshold with the Settings model’s type and range', () => {
    const declared = schema.properties.thresholds!.properties!;
    expect(Object.keys(declared).sort()).toEqual(Object.keys(Thresholds.shape).sort());
    for (const [name, field] of Object.entries(Thresholds.shape)) {
      const inner = field.unwrap() as unknown as { minValue: number; maxValue: number; isInt: boolean };
      const d = declared[name]!;
      expect(d.type, name).toBe(inner.isInt ? 'integer' : 'number');
      // Chrome's schema takes minimum/maximum for integers only; zod checks the numbers.
      if (d.type === 'integer') expect([d.minimum, d.maximum], name).toEqual([inner.minValue, inner.maxValue]);
    }
  });

  it('offers the playbooks of the Settings model', () => {
    expect(schema.properties.playbook!.enum).toEqual(['dealmaker', 'meddpicc', 'bant']);
  });
});
