/**
 * The Demo CRM's data: the Maven CSVs (real), shifted so the last real date is today − 3,
 * enriched deterministically (enrich.ts), plus the hand-placed showcase deals (showcase.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { addDays, dayNumber, daysBetween, fromDayNumber, parseUsDate, toIsoDate } from '../../lib/dates';
import type { IsoDate } from '../../lib/model';
import type { AccountJson, UserJson, UserRefJson } from '../../lib/crm/demo/api';
import { accountContacts, dealName, enrichDeal, slug, STAGES, type AccountContact } from './enrich';
import { showcaseDeals, SHOWCASE_OWNER } from './showcase';
import type { DemoOpportunity, MavenDeal, Product } from './types';

export type { DemoOpportunity } from './types';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '../..');

/** `../shared/datasets/maven-crm` next to the repo, unless DEMO_CRM_DATA says otherwise. */
export function defaultDataDir(): string {
  return process.env.DEMO_CRM_DATA || path.resolve(REPO_ROOT, '../shared/datasets/maven-crm');
}

export interface BuildOptions {
  /** `YYYY-MM-DD`; default: the current UTC date. */
  today?: IsoDate;
  seed?: string | number;
  dataDir?: string;
}

export const DEFAULT_SEED = 'deal-coach-demo';

interface MavenFiles {
  deals: MavenDeal[];
  teams: { agent: string; manager: string; office: string }[];
  accounts: Record<string, string>[];
  products: Product[];
  /** Latest engage or close date in the pipeline, unshifted. */
  lastDate: IsoDate;
}

const loaded = new Map<string, MavenFiles>();

function readCsv(dir: string, file: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(path.join(dir, file), 'utf8'), { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`${file}: ${parsed.errors[0]!.message} (row ${parsed.errors[0]!.row})`);
  return parsed.data;
}

const STAGE_NAMES = new Set(['Prospecting', 'Engaging', 'Won', 'Lost']);

/** Read the Maven CSVs once per directory (unshifted). */
export function loadMaven(dir: string): MavenFiles {
  const cached = loaded.get(dir);
  if (cached) return cached;
  let lastDay = -Infinity;
  const deals = readCsv(dir, 'sales_pipeline.csv').map((row): MavenDeal => {
    const stage = row.deal_stage ?? '';
    if (!STAGE_NAMES.has(stage)) throw new Error(`sales_pipeline.csv: unknown deal_stage "${stage}" on ${row.opportunity_id}`);
    const engageDate = row.engage_date ? parseUsDate(row.engage_date) : null;
    const closeDate = row.close_date ? parseUsDate(row.close_date) : null;
    for (const d of [engageDate, closeDate]) if (d) lastDay = Math.max(lastDay, dayNumber(d));
    return {
      id: row.opportunity_id!,
      agent: row.sales_agent!,
      product: row.product!,
      account: row.account || null,
      stage: stage as MavenDeal['stage'],
      engageDate,
      closeDate,
      closeValue: row.close_value ? Number(row.close_value) : null,
    };
  });
  const files: MavenFiles = {
    deals,
    teams: readCsv(dir, 'sales_teams.csv').map((r) => ({ agent: r.sales_agent!, manager: r.manager!, office: r.regional_office! })),
    accounts: readCsv(dir, 'accounts.csv'),
    products: readCsv(dir, 'products.csv').map((r) => ({ name: r.product!, series: r.series!, list_price: Number(r.sales_price) })),
    lastDate: fromDayNumber(lastDay),
  };
  loaded.set(dir, files);
  return files;
}

export const userId = (name: string) => `u-${slug(name)}`;

function buildUsers(teams: MavenFiles['teams']): UserJson[] {
  const ref = (name: string): UserRefJson => ({ id: userId(name), name });
  const managers = [...new Set(teams.map((t) => t.manager))];
  const reps: UserJson[] = teams.map((t) => ({ ...ref(t.agent), role: 'rep', regional_office: t.office, manager: ref(t.manager), team: [] }));
  const bosses: UserJson[] = managers.map((m) => ({
    ...ref(m),
    role: 'manager',
    regional_office: teams.find((t) => t.manager === m)!.office,
    manager: null,
    team: teams.filter((t) => t.manager === m).map((t) => ref(t.agent)),
  }));
  return [...reps, ...bosses];
}

function buildAccounts(rows: MavenFiles['accounts']): AccountJson[] {
  return rows.map((r) => ({
    id: `a-${slug(r.account!)}`,
    name: r.account!,
    sector: r.sector || null,
    employees: r.employees ? Number(r.employees) : null,
    office_location: r.office_location || null,
    parent_account: r.subsidiary_of || null,
  }));
}

/** `GTXPro` and `GTX Pro` are the same catalog entry. */
const productKey = (name: string) => name.replace(/\s+/g, '').toLowerCase();

export function buildDemoData(options: BuildOptions = {}): DemoCrmData {
  const today = options.today ?? toIsoDate(new Date());
  const seed = String(options.seed ?? DEFAULT_SEED);
  const maven = loadMaven(options.dataDir ?? defaultDataDir());
  const shiftDays = daysBetween(maven.lastDate, addDays(today, -3));
  const shift = (d: IsoDate | null) => (d ? addDays(d, shiftDays) : null);
  const deals = maven.deals.map((d) => ({ ...d, engageDate: shift(d.engageDate), closeDate: shift(d.closeDate) }));

  const users = buildUsers(maven.teams);
  const usersByName = new Map(users.map((u) => [u.name, u]));
  const accounts = buildAccounts(maven.accounts);
  const accountsByName = new Map(accounts.map((a) => [a.name, a]));
  const contactsByAccount = new Map<string, AccountContact[]>();
  const contactsOf = (account: AccountJson) => {
    let people = contactsByAccount.get(account.name);
    if (!people) contactsByAccount.set(account.name, (people = accountContacts(seed, account)));
    return people;
  };
  const prices = new Map(maven.products.map((p) => [productKey(p.name), p.list_price]));

  const wonDays = new Map<string, number[]>();
  for (const d of deals) {
    if (d.stage !== 'Won' || !d.account || !d.closeDate) continue;
    const days = wonDays.get(d.account) ?? [];
    days.push(dayNumber(d.closeDate));
    wonDays.set(d.account, days);
  }
  for (const days of wonDays.values()) days.sort((a, b) => a - b);

  const entries: Entry[] = deals.map((deal) => {
    const owner = usersByName.get(deal.agent);
    if (!owner) throw new Error(`sales_pipeline.csv: agent "${deal.agent}" is not in sales_teams.csv`);
    const account = deal.account ? (accountsByName.get(deal.account) ?? null) : null;
    return {
      summary: { id: deal.id, name: dealName(deal), ownerId: owner.id, accountName: deal.account, product: deal.product, stage: deal.stage, isClosed: STAGES[deal.stage].is_closed },
      make: () =>
        enrichDeal(deal, {
          seed,
          today,
          owner: { id: owner.id, name: owner.name },
          account,
          contacts: account ? contactsOf(account) : [],
          listPrice: prices.get(productKey(deal.product)) ?? null,
          wonBefore: (date) => countBefore(wonDays.get(deal.account!) ?? [], dayNumber(date)),
        }),
    };
  });

  const showcaseOwner = usersByName.get(SHOWCASE_OWNER)!;
  const showcase = showcaseDeals({ today, owner: { id: showcaseOwner.id, name: showcaseOwner.name }, accountsByName });
  for (const record of showcase) entries.push({ summary: summarise(record), make: () => record });

  return new DemoCrmData({ today, seed, shiftDays, users, accounts, products: maven.products, realCount: deals.length, showcaseIds: showcase.map((o) => o.id) }, entries);
}

/** What lists filter and search on, known without enriching the deal. */
export interface DealSummary {
  id: string;
  name: string;
  ownerId: string;
  accountName: string | null;
  product: string | null;
  stage: string;
  isClosed: boolean;
}

interface Entry {
  summary: DealSummary;
  make: () => DemoOpportunity;
}

function summarise(o: DemoOpportunity): DealSummary {
  return { id: o.id, name: o.name, ownerId: o.owner.id, accountName: o.account?.name ?? null, product: o.product ?? null, stage: o.stage, isClosed: o.is_closed };
}

interface DemoCrmFacts {
  /** The injected "today"; the dataset's last real date is today − 3. */
  today: IsoDate;
  seed: string;
  /** Days added to every Maven date. */
  shiftDays: number;
  users: UserJson[];
  accounts: AccountJson[];
  products: Product[];
  /** Rows read from sales_pipeline.csv (8,800 with the shipped dataset). */
  realCount: number;
  showcaseIds: readonly string[];
}

/**
 * The CRM's records. A real deal is enriched the first time it is read (enrichment is keyed by id,
 * so the order of reads never changes the data) and kept; test mutations sit on top until reset.
 */
export class DemoCrmData implements DemoCrmFacts {
  readonly today: IsoDate;
  readonly seed: string;
  readonly shiftDays: number;
  readonly users: UserJson[];
  readonly accounts: AccountJson[];
  readonly products: Product[];
  readonly realCount: number;
  readonly showcaseIds: readonly string[];
  /** Every opportunity id, sorted. */
  readonly ids: readonly string[];
  private readonly entries: Map<string, Entry>;
  private readonly enriched = new Map<string, DemoOpportunity>();
  private readonly changed = new Map<string, DemoOpportunity>();

  constructor(facts: DemoCrmFacts, entries: Entry[]) {
    this.today = facts.today;
    this.seed = facts.seed;
    this.shiftDays = facts.shiftDays;
    this.users = facts.users;
    this.accounts = facts.accounts;
    this.products = facts.products;
    this.realCount = facts.realCount;
    this.showcaseIds = facts.showcaseIds;
    this.entries = new Map(entries.map((e) => [e.summary.id, e]));
    if (this.entries.size !== entries.length) throw new Error('duplicate opportunity ids');
    this.ids = [...this.entries.keys()].sort();
  }

  summary(id: string): DealSummary | undefined {
    const changed = this.changed.get(id);
    return changed ? summarise(changed) : this.entries.get(id)?.summary;
  }

  /** The stored record; treat it as read-only (use `replace` to change it). */
  get(id: string): DemoOpportunity | undefined {
    const changed = this.changed.get(id);
    if (changed) return changed;
    let record = this.enriched.get(id);
    if (!record) {
      const entry = this.entries.get(id);
      if (!entry) return undefined;
      this.enriched.set(id, (record = entry.make()));
    }
    return record;
  }

  /** Every record, in id order (enriches all of them: ~0.5 s the first time). */
  all(): DemoOpportunity[] {
    return this.ids.map((id) => this.get(id)!);
  }

  replace(record: DemoOpportunity): void {
    if (!this.entries.has(record.id)) throw new Error(`no opportunity ${record.id}`);
    this.changed.set(record.id, record);
  }

  /** Undo every `replace`. */
  reset(): void {
    this.changed.clear();
  }

  /** A user by id or by exact name (cookies and headers may carry either). */
  findUser(key: string | null | undefined): UserJson | undefined {
    if (!key) return undefined;
    return this.users.find((u) => u.id === key || u.name === key);
  }
}

/** How many sorted values are < value. */
function countBefore(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
