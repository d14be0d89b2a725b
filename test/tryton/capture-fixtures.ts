/**
 * Record the JSON-RPC exchanges the Tryton adapter makes against the live seeded server into
 * test/fixtures/tryton/*.json, for the unit tests to replay. Run after `test/tryton/start.sh`:
 *
 *   npx tsx test/tryton/capture-fixtures.ts        (TRYTON_URL defaults to http://127.0.0.1:8700)
 *
 * Each file keeps the server's answers verbatim (keys sorted); the seed's facts of the same run are copied next to
 * them (seed-facts.json) so the tests assert against what the seed made true that day.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTrytonAdapter } from '../../lib/crm/tryton';
import { CrmError, type CrmFetch } from '../../lib/crm/types';
import { pageIo, readSeedFacts, recording, trytonLogin, type Exchange } from './live';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '../..');
const out = join(repo, 'test/fixtures/tryton');
const factsPath = process.env.TRYTON_FACTS ?? join(repo, '.tmp/tryton/seed-facts.json');
const origin = (process.env.TRYTON_URL ?? 'http://127.0.0.1:8700').replace(/\/$/, '');

const facts = readSeedFacts(factsPath);
const db = facts.database;
const adapter = createTrytonAdapter();
const version = (pkg: string) => execFileSync('dpkg-query', ['-W', '-f=${Version}', pkg], { encoding: 'utf8' });
const source =
  `Captured from a live Tryton 6.0 (tryton-server ${version('tryton-server')}, sale_opportunity ${version('tryton-modules-sale-opportunity')}, ` +
  `party_relationship ${version('tryton-modules-party-relationship')}, Debian 12) seeded by test/tryton/seed.py on ${facts.today}, ` +
  'with test/tryton/capture-fixtures.ts. Bodies are the server\'s answers, verbatim but for the order of keys (sorted).';

const ref = (id: number | string) => ({ crm: 'tryton', instance: new URL(origin).host, id: String(id), url: `${origin}/#${db}/model/sale.opportunity/${id}` });

/** Tryton orders an answer's keys differently from one server start to the next; sort them so captures diff cleanly. */
function sortedKeys(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

async function capture(name: string, what: string, io: CrmFetch, run: (io: CrmFetch) => Promise<unknown>): Promise<void> {
  const rec = recording(io);
  let error: { kind: string; message: string } | null = null;
  try {
    await run(rec.io);
  } catch (e) {
    if (!(e instanceof CrmError)) throw e;
    error = { kind: e.kind, message: e.message };
    // Calls made in parallel with the failed one still land: keep them too.
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  // Parallel calls finish in any order; keep the file stable across captures.
  const exchanges: Exchange[] = rec.exchanges.map((e) => ({ ...e, key: `${e.method} ${JSON.stringify(e.params)}` })).sort((a, b) => (a.key < b.key ? -1 : 1)).map(({ key: _key, ...e }) => e);
  const file = { source, what, endpoint: `${origin}/${db}/`, adapterError: error, exchanges };
  writeFileSync(join(out, `${name}.json`), `${JSON.stringify(file, sortedKeys, 1)}\n`);
  console.log(`${name}.json: ${rec.exchanges.length} exchanges${error ? ` (adapter error: ${error.kind})` : ''}`);
}

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  const password = facts.password;
  const alice = await trytonLogin(origin, db, 'alice', password);
  const morgan = await trytonLogin(origin, db, 'morgan', password);
  const intern = await trytonLogin(origin, db, 'intern', password);
  const asAlice = pageIo(alice.storage);
  const sc = facts.showcase;
  const won = facts.deals['w-a3']!;
  const leadNoParty = facts.deals['lead-b']!;
  const aliceEmployee = String(facts.users.find((u) => u.login === 'alice')!.employeeId);

  await capture('record-stale', `readDeal of the stale showcase deal (${sc.stale.description}) as alice`, asAlice, (io) => adapter.readDeal(ref(sc.stale.id), io));
  await capture('record-healthy', `readDeal of the healthy showcase deal (${sc.healthy.description}) as alice`, asAlice, (io) => adapter.readDeal(ref(sc.healthy.id), io));
  await capture('record-no-decision-maker', `readDeal of ${sc.noDecisionMaker.description} (only a champion known) as alice`, asAlice, (io) => adapter.readDeal(ref(sc.noDecisionMaker.id), io));
  await capture('record-won', `readDeal of a won deal with one close-date push (${won.description}) as alice`, asAlice, (io) => adapter.readDeal(ref(won.id), io));
  await capture('record-lead-no-party', `readDeal of a lead with no party and no amount (${leadNoParty.description}) as alice`, asAlice, (io) => adapter.readDeal(ref(leadNoParty.id), io));
  await capture('history-alice', "readHistory of alice's opportunities (open and closed)", asAlice, (io) => adapter.readHistory(ref(1), { ownerId: aliceEmployee }, io));
  await capture('whoami-alice', 'whoAmI as alice (a rep)', asAlice, (io) => adapter.whoAmI(ref(1), io));
  await capture('whoami-morgan', 'whoAmI as morgan (supervises alice and bob)', pageIo(morgan.storage), (io) => adapter.whoAmI(ref(1), io));
  await capture('whoami-intern', 'whoAmI as intern (no employee)', pageIo(intern.storage), (io) => adapter.whoAmI(ref(1), io));
  await capture('error-forbidden', 'readDeal as intern (no sales groups)', pageIo(intern.storage), (io) => adapter.readDeal(ref(sc.healthy.id), io));
  await capture('error-not-found', 'readDeal of an id that does not exist, as alice', asAlice, (io) => adapter.readDeal(ref(99999), io));
  const expired = { getItem: () => JSON.stringify({ login: 'alice', user_id: alice.userId, session: '0'.repeat(64) }) };
  await capture('error-session-expired', 'readDeal with a session Tryton does not know (expired or signed out)', pageIo(expired), (io) => adapter.readDeal(ref(sc.healthy.id), io));

  copyFileSync(factsPath, join(out, 'seed-facts.json'));
  console.log(`seed-facts.json copied from ${factsPath}`);
}

await main();
