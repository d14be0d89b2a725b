/**
 * DESIGN §9 "zod at every boundary": every adapter, fed mutated versions of its recorded responses,
 * either returns Deals that pass the `Deal` schema (with no NaN or Infinity anywhere) or throws a
 * CrmError with a short plain message — never another exception, never a hang.
 *
 * FUZZ_RUNS=2000 npx vitest run test/unit/fuzz   (default: RUNS per scenario, seed SEED)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEED, violation, withTimeout, type Outcome } from './check';
import { isDateLike, isNumeric, mutatingIo, planArb, replaceAll, WEIRD_AMOUNTS, WEIRD_DATES } from './mutate';
import { SCENARIOS } from './scenarios';

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const CASE_TIMEOUT_MS = 5_000;
// Above any legitimate N+1 a grown list can cause (one request per history row with overflowing children).
const MAX_REQUESTS = 25_000;
/**
 * Known bug (issue 8): these adapters pass a well-shaped but impossible day ('0000-00-00',
 * '2017-02-30') into a Deal, which the zod Timestamp/IsoDate regexes accept. The demo adapter copies
 * the API's strings (lib/crm/demo/api.ts); Tryton builds dates from `__class__` objects
 * (lib/crm/tryton/rpc.ts). Remove an id once it reads such days as unknown.
 */

describe('adapter parsers under mutated responses (DESIGN §9)', () => {
  it('serves the unmutated recordings as valid deals (the fuzz baseline)', async () => {
    for (const [name, s] of Object.entries(SCENARIOS)) {
      const fio = mutatingIo(s.recordings, [[]]);
      const deals = s.history ? await s.adapter.readHistory(s.ref, s.history, fio.io) : [await s.adapter.readDeal(s.ref, fio.io)];
      expect(deals.length, name).toBeGreaterThan(0);
      expect(violation({ ok: true, deals }), name).toBeNull();
    }
  });

  for (const [name, s] of Object.entries(SCENARIOS)) {
    it(`${name}: a valid Deal or a plain CrmError, for ${RUNS} mutated replays`, async () => {
      let runs = 0;
      const seen = { deals: 0, errors: 0 };
      await fc.assert(
        fc.asyncProperty(planArb, async (plan) => {
          runs++;
          const fio = mutatingIo(s.recordings, plan, MAX_REQUESTS);
          const read = s.history ? s.adapter.readHistory(s.ref, s.history, fio.io) : s.adapter.readDeal(s.ref, fio.io).then((d) => [d]);
          const outcome: Outcome = await withTimeout(read, CASE_TIMEOUT_MS).then(
            (deals) => ({ ok: true as const, deals }),
            (error: unknown) => ({ ok: false as const, error }),
          );
          if (fio.requests > MAX_REQUESTS) throw new Error(`runaway paging: ${fio.requests} requests`);
          if (!outcome.ok && outcome.error instanceof Error && outcome.error.message.startsWith('hang:')) throw outcome.error;
          seen[outcome.ok ? 'deals' : 'errors']++;
          const why = violation(outcome);
          if (why) throw new Error(why);
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
      expect(runs).toBe(RUNS);
      // Both outcomes reached, or the generator is too mild (or too wild) to prove anything.
      expect(seen.deals, 'cases read as deals').toBeGreaterThan(0);
      expect(seen.errors, 'cases refused with a CrmError').toBeGreaterThan(0);
    }, 120_000);
  }
});

/**
 * Deterministic sweep: every date-like value in every response becomes one weird date (and every
 * number one weird amount), for each weird value in turn — the cases random plans reach rarely.
 */
describe('adapters under every weird date and amount at once (DESIGN §9)', () => {
  const sweeps: [string, (v: unknown) => boolean, readonly unknown[]][] = [
    ['date', isDateLike, WEIRD_DATES],
    ['amount', (v) => typeof v === 'number' || (isNumeric(v) && typeof v === 'string' && v.length < 12), WEIRD_AMOUNTS],
  ];
  for (const [name, s] of Object.entries(SCENARIOS)) {
    it(`${name}: ${WEIRD_DATES.length} date and ${WEIRD_AMOUNTS.length} amount sweeps`, async () => {
      for (const [kind, matches, values] of sweeps) {
        for (const value of values) {
          const recordings = s.recordings.map((r) => ({ ...r, body: replaceAll(r.body, matches, value) }));
          const fio = mutatingIo(recordings, [], MAX_REQUESTS);
          const read = s.history ? s.adapter.readHistory(s.ref, s.history, fio.io) : s.adapter.readDeal(s.ref, fio.io).then((d) => [d]);
          const outcome: Outcome = await withTimeout(read, CASE_TIMEOUT_MS).then(
            (deals) => ({ ok: true as const, deals }),
            (error: unknown) => ({ ok: false as const, error }),
          );
          expect(violation(outcome), `${kind} ${JSON.stringify(value)}`).toBeNull();
        }
      }
    });
  }
});

/** A server that answers page 2 with a cursor pointing at page 2 again: the adapter must stop, not spin. */

describe('adapters stop when a server repeats a paging cursor (DESIGN §9 "no retry storms")', () => {
  const loops: Record<string, { scenario: string; recording: number; patch: (body: Record<string, unknown>, url: string) => void }> = {
    salesforce: { scenario: 'salesforce readHistory', recording: 1, patch: (b, url) => Object.assign(b, { done: false, nextRecordsUrl: new URL(url).pathname }) },
    dynamics: { scenario: 'dynamics readHistory', recording: 1, patch: (b, url) => Object.assign(b, { '@odata.nextLink': url }) },
    hubspot: { scenario: 'hubspot readHistory', recording: 3, patch: (b) => Object.assign(b, { paging: { next: { after: '2' } } }) },
    pipedrive: { scenario: 'pipedrive readHistory', recording: 4, patch: (b) => Object.assign(b, { additional_data: { next_cursor: 'eyJpZCI6MjAwMn0' } }) },
  };
  for (const [crm, { scenario, recording, patch }] of Object.entries(loops)) {
    // Found by this test: the paging loops followed any cursor forever; lib/crm/shared/paging.ts stops them.
    it(crm, async () => {
      const s = SCENARIOS[scenario]!;
      const recordings = s.recordings.map((r, i) => {
        if (i !== recording) return r;
        const body = structuredClone(r.body) as Record<string, unknown>;
        patch(body, r.url);
        return { ...r, body };
      });
      const fio = mutatingIo(recordings, [], 200);
      const outcome: Outcome = await withTimeout(s.adapter.readHistory(s.ref, s.history!, fio.io), CASE_TIMEOUT_MS).then(
        (deals) => ({ ok: true as const, deals }),
        (error: unknown) => ({ ok: false as const, error }),
      );
      expect(fio.requests, `${crm} kept asking for the same page`).toBeLessThan(20);
      expect(violation(outcome)).toBeNull();
    });
  }
});

describe('a malformed next-page link', () => {
  // Found by FUZZ_RUNS=300: lib/crm/dynamics/index.ts getAll() called `new URL(nextLink)` unguarded,
  // so a malformed @odata.nextLink escaped as a TypeError instead of a CrmError.
  it('dynamics refuses an unreadable @odata.nextLink with a CrmError', async () => {
    const s = SCENARIOS['dynamics readHistory']!;
    for (const link of ['', 'yesterday', '//', 'http://[::1']) {
      const recordings = s.recordings.map((r, i) => (i === 0 ? { ...r, body: { ...(r.body as object), '@odata.nextLink': link } } : r));
      const outcome: Outcome = await s.adapter.readHistory(s.ref, s.history!, mutatingIo(recordings, []).io).then(
        (deals) => ({ ok: true as const, deals }),
        (error: unknown) => ({ ok: false as const, error }),
      );
      expect(violation(outcome), link).toBeNull();
    }
  });
});

describe('adapters never let an impossible day into a Deal (the zod date types check the day exists)', () => {
  for (const id of ['demo', 'tryton']) {
    const [name, s] = Object.entries(SCENARIOS).find(([, x]) => x.adapter.id === id && !x.history)!;
    it(`${name}: '0000-00-00', or a number replaced by 'NaN', never becomes a date`, async () => {
      for (const [matches, value] of [
        [isDateLike, '0000-00-00'],
        [(v: unknown) => typeof v === 'number', 'NaN'],
      ] as const) {
        const recordings = s.recordings.map((r) => ({ ...r, body: replaceAll(r.body, matches, value) }));
        const outcome: Outcome = await s.adapter.readDeal(s.ref, mutatingIo(recordings, []).io).then(
          (deal) => ({ ok: true as const, deals: [deal] }),
          (error: unknown) => ({ ok: false as const, error }),
        );
        expect(violation(outcome), String(value)).toBeNull();
      }
    });
  }
});
