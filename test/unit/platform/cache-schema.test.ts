import { describe, expect, it } from 'vitest';
import { DB_VERSION, MIGRATIONS, dealKey, historyKey, runMigrations, userKey } from '../../../lib/platform/cache';

/** A stand-in for the upgrade database: records what each migration creates. */
function fakeDb() {
  const created: string[] = [];
  const store = (name: string) => ({
    createIndex: (index: string, keyPath: string | string[]) => {
      created.push(`${name}.${index}(${([] as string[]).concat(keyPath).join(',')})`);
      return {};
    },
  });
  return {
    created,
    db: { createObjectStore: (name: string, options: { keyPath: string }) => (created.push(`${name}[${options.keyPath}]`), store(name)) },
  };
}

describe('cache schema', () => {
  it('has one migration per version', () => {
    expect(MIGRATIONS.length).toBe(DB_VERSION);
  });

  it('creates every store and index on a fresh install', () => {
    const { db, created } = fakeDb();
    runMigrations(db as never, 0, DB_VERSION, {} as never);
    expect(created).toEqual([
      'deals[key]',
      'deals.by-instance(crm,instance)',
      'history[key]',
      'history.by-instance(crm,instance)',
      'user[key]',
      'usage[key]',
      'usage.by-day(day)',
      'teams[key]',
      'teams.by-instance(crm,instance)',
      'snapshots[key]',
      'snapshots.by-scope(scope)',
    ]);
  });

  it('runs only the steps after the installed version (an upgrade keeps existing stores)', () => {
    const { db, created } = fakeDb();
    runMigrations(db as never, DB_VERSION, DB_VERSION, {} as never);
    expect(created).toEqual([]);
  });

  it('keys deals, history and users by CRM and instance', () => {
    expect(dealKey({ crm: 'demo', instance: '127.0.0.1:4300', id: 'DEMO-STALE' })).toBe('demo|127.0.0.1:4300|DEMO-STALE');
    expect(historyKey('demo', '127.0.0.1:4300', 'u-darcel-schlecht')).toBe('demo|127.0.0.1:4300|u-darcel-schlecht');
    expect(userKey('salesforce', 'acme.my.salesforce.com')).toBe('salesforce|acme.my.salesforce.com');
  });
});
