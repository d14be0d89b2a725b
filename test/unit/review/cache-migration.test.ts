import { describe, expect, it } from 'vitest';
import { DB_VERSION, MIGRATIONS, runMigrations } from '../../../lib/platform/cache';

/** An upgrade database that records every call a migration makes. */
function recordingDb() {
  const calls: string[] = [];
  const store = (name: string) => ({
    createIndex: (index: string) => (calls.push(`createIndex ${name}.${index}`), {}),
    deleteIndex: (index: string) => calls.push(`deleteIndex ${name}.${index}`),
    clear: () => calls.push(`clear ${name}`),
    delete: () => calls.push(`delete in ${name}`),
  });
  const db = {
    createObjectStore: (name: string) => (calls.push(`createObjectStore ${name}`), store(name)),
    deleteObjectStore: (name: string) => calls.push(`deleteObjectStore ${name}`),
    objectStoreNames: { contains: () => true },
  };
  const tx = { objectStore: (name: string) => store(name) };
  return { calls, db, tx };
}

describe('cache migration to version 2 (review page)', () => {
  it('is one appended step', () => {
    expect(DB_VERSION).toBe(2);
    expect(MIGRATIONS).toHaveLength(2);
  });

  it('upgrading from version 1 only adds the review stores: v1 stores and their data are not touched', () => {
    const { calls, db, tx } = recordingDb();
    runMigrations(db as never, 1, 2, tx as never);
    expect(calls).toEqual(['createObjectStore teams', 'createIndex teams.by-instance', 'createObjectStore snapshots', 'createIndex snapshots.by-scope']);
    expect(calls.some((c) => /delete|clear/.test(c))).toBe(false);
  });

  it('a fresh install runs both steps in order', () => {
    const { calls, db, tx } = recordingDb();
    runMigrations(db as never, 0, 2, tx as never);
    expect(calls.filter((c) => c.startsWith('createObjectStore'))).toEqual(['createObjectStore deals', 'createObjectStore history', 'createObjectStore user', 'createObjectStore usage', 'createObjectStore teams', 'createObjectStore snapshots']);
  });
});
