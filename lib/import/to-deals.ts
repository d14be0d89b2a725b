/**
 * Parsed CSV rows + a column mapping → validated Deals and a data-quality report (DESIGN §3, §7, §9).
 *
 * Every deal passes the zod `Deal` schema; a row that does not is skipped and reported with its
 * row number and reason, never dropped silently. Values that cannot be read become unknown (null)
 * and are counted; nothing is invented: a CSV has no stakeholders, activities or history, so those
 * are empty and `history.tracked` is false.
 */
import { dayNumber } from '../dates';
import { Deal, type DealInput, type FieldValue, type StageCategory } from '../model';
import type { ParsedCsv } from './csv';
import type { ProductInfo, TeamInfo } from './maven';
import { ColumnMapping, findColumn, stageRule, type ColumnMappingInput, type DealField } from './mapping';
import { DataQualityReport, KeyedTally, RowTally } from './quality';
import { closestName } from './similarity';
import { readCurrency, readDate, readFlag, readMoney, readProbability } from './values';

export interface RowsToDealsOptions {
  crm: 'csv';
  /** File name: the deals' `ref.instance`, and named in the report. */
  source: string;
  /** Owner name → manager and office (Maven sales_teams.csv). */
  teams?: Map<string, TeamInfo>;
  /** Product name → series and list price (Maven products.csv); enables the unknown-product check. */
  products?: Map<string, ProductInfo>;
  /** `YYYY-MM-DD`; dates after it are reported as suspicious. */
  today: string;
  /**
   * Called with the fraction of rows done (every 1,000 rows, and 1 at the end). The conversion is
   * synchronous: in a worker, post each call to the page (messages flow while the worker computes).
   */
  onProgress?: (fractionDone: number) => void;
}

export interface ImportResult {
  deals: Deal[];
  quality: DataQualityReport;
  /** The owner's team: their manager from `teams`, else the most common value of the team column; null when unknown. */
  teamOf: (ownerName: string) => string | null;
}

/** What rowsToDeals needs from a parse; `rowNumbers` defaults to header-on-row-1 numbering. */
export type ParsedRows = Pick<ParsedCsv, 'header' | 'rows'> & Partial<Pick<ParsedCsv, 'rowNumbers' | 'errors' | 'footer'>>;

const PROGRESS_EVERY = 1_000;

const EXPECTED: Partial<Record<DealField, (m: ColumnMapping) => string>> = {
  amount: (m) => `an amount (decimal mark "${m.decimal}")`,
  currency: () => 'a currency code',
  createdAt: (m) => `a date (${m.dateFormat})`,
  closeDate: (m) => `a date (${m.dateFormat})`,
  closedAt: (m) => `a date (${m.dateFormat})`,
  probability: (m) => `a probability (${m.probabilityScale === 'percent' ? '0-100' : '0-1'})`,
  won: () => 'yes/no',
  closed: () => 'yes/no',
};

export function rowsToDeals(parsed: ParsedRows, mappingInput: ColumnMappingInput, options: RowsToDealsOptions): ImportResult {
  // The mapping comes from settings or the review page: validate it like any other boundary.
  const mapping = ColumnMapping.parse(mappingInput);
  const { header } = parsed;
  const today = dayNumber(options.today);

  const missingColumns: Array<{ field: string; column: string }> = [];
  const col: Partial<Record<DealField, number>> = {};
  for (const [field, name] of Object.entries(mapping.columns) as Array<[DealField, string | undefined]>) {
    if (name === undefined) continue;
    const i = findColumn(header, name);
    if (i < 0) missingColumns.push({ field, column: name });
    else col[field] = i;
  }
  const extras: Array<{ name: string; index: number }> = [];
  for (const name of mapping.extraFields) {
    const i = findColumn(header, name);
    if (i < 0) missingColumns.push({ field: 'fields', column: name });
    else extras.push({ name, index: i });
  }

  const skipped = new KeyedTally<string, { example: string | null }>();
  const unknownStages = new KeyedTally<string>();
  const guessedStages = new KeyedTally<string, { category: StageCategory }>();
  const unknownProducts = new KeyedTally<string, { suggestion: string | null }>();
  const unreadable = new KeyedTally<DealField, { examples: string[] }>();
  const lostZeroAmount = new RowTally();
  const wonWithoutAmount = new RowTally();
  const withoutCreatedAt = new RowTally();
  const openWithoutCreatedAt = new RowTally();
  const openWithoutCloseDate = new RowTally();
  const openWithoutAccount = new RowTally();
  const futureDates = new RowTally();
  const categories = { open: 0, won: 0, lost: 0 };
  let lostWithKnownAmount = 0;

  // Rows the parser could not split into the header's columns.
  let malformed = 0;
  for (const e of parsed.errors ?? []) {
    if (e.row <= 0) continue;
    malformed++;
    const reason = /^expected \d+ columns/.test(e.message) ? 'malformed row (wrong number of columns)' : 'malformed row (quotes)';
    skipped.add(reason, e.row, () => ({ example: e.message }));
  }

  const deals: Deal[] = [];
  const firstRowOfId = new Map<string, number>();
  const duplicateIds = new KeyedTally<string>();
  const teamVotes = new Map<string, Map<string, number>>();
  const fromColumn: boolean[] = [];
  /** Stage text → rule, looked up once per distinct text. */
  const stageRules = new Map<string, ReturnType<typeof stageRule>>();

  const skip = (reason: string, row: number, example: string | null = null) => skipped.add(reason, row, () => ({ example }));

  const total = parsed.rows.length;
  parsed.rows.forEach((cells, i) => {
    if (options.onProgress && i % PROGRESS_EVERY === 0 && i > 0) options.onProgress(i / total);
    const row = parsed.rowNumbers?.[i] ?? i + 2;
    const cell = (field: DealField): string | null => {
      const index = col[field];
      return index === undefined ? null : (cells[index] ?? '').trim();
    };
    /** Read a mapped cell; an unreadable one is counted and becomes null. */
    const read = <T>(field: DealField, reader: (text: string) => T | null | undefined): T | null => {
      const text = cell(field);
      if (text === null) return null;
      const value = reader(text);
      if (value !== undefined) return value;
      const { examples } = unreadable.add(field, row, () => ({ examples: [] }));
      if (examples.length < 3 && !examples.includes(text)) examples.push(text);
      return null;
    };

    // Stage → category, from the stage map, else from won/closed checkbox columns.
    const stageName = cell('stage');
    if (stageName === null) {
      const stageColumn = mapping.columns.stage;
      return skip(stageColumn === undefined ? 'no column is mapped to the stage' : `the stage column ${JSON.stringify(stageColumn)} is not in the file`, row);
    }
    if (stageName === '') return skip('no stage', row);
    if (!stageRules.has(stageName)) stageRules.set(stageName, stageRule(mapping, stageName));
    const rule = stageRules.get(stageName);
    let category: StageCategory | null = rule?.category ?? null;
    if (rule?.guessed) guessedStages.add(stageName, row, () => ({ category: rule.category }));
    if (!category) {
      const won = read('won', readFlag);
      const closed = read('closed', readFlag);
      if (won === true) category = 'won';
      else if (closed === false) category = 'open';
      else if (closed === true && won === false) category = 'lost';
    }
    if (!category) {
      unknownStages.add(stageName, row);
      return skip('stage not in the stage mapping', row, JSON.stringify(stageName));
    }

    const idText = cell('id');
    if (idText === '') return skip('no id', row);
    const id = idText ?? `row-${row}`;

    const money = read('amount', (t) => readMoney(t, mapping.decimal));
    let amount = money ? money.value : null;
    if (amount === 0 && category === 'lost' && mapping.lostZeroAmountIsUnknown) {
      amount = null;
      lostZeroAmount.add(row);
    }
    const currency = read('currency', readCurrency) ?? money?.currency ?? mapping.defaultCurrency;

    const createdAt = read('createdAt', (t) => readDate(t, mapping.dateFormat));
    const closeDate = read('closeDate', (t) => readDate(t, mapping.dateFormat));
    const closedAtColumn = read('closedAt', (t) => readDate(t, mapping.dateFormat));
    // A closed deal's close date is when it closed (Maven close_date; Salesforce sets CloseDate on closing).
    const closedAt = category === 'open' ? null : (closedAtColumn ?? closeDate);
    const probability = read('probability', (t) => readProbability(t, mapping.probabilityScale, mapping.decimal));

    const owner = cell('owner') ?? '';
    const account = cell('account') || null;
    const product = cell('product') || null;
    const fields: Record<string, FieldValue> = {};
    for (const e of extras) {
      const v = (cells[e.index] ?? '').trim();
      fields[e.name] = v === '' ? null : v;
    }

    const teamInfo = options.teams?.get(owner);
    if (teamInfo) {
      fields.manager = teamInfo.manager;
      fields.regional_office = teamInfo.office;
    }
    const teamText = cell('team');
    if (teamText) {
      const votes = teamVotes.get(owner) ?? new Map<string, number>();
      votes.set(teamText, (votes.get(teamText) ?? 0) + 1);
      teamVotes.set(owner, votes);
    }
    if (product && options.products) {
      const info = options.products.get(product);
      if (info) {
        fields.product_series = info.series;
        fields.product_list_price = info.price;
      } else {
        unknownProducts.add(product, row, () => ({ suggestion: closestName(product, options.products!.keys()) }));
      }
    }

    const name = cell('name') || [account, product].filter(Boolean).join(' · ') || id;
    const isNewBusiness = businessFromType(cell('dealType'));
    const input: DealInput = {
      ref: { crm: options.crm, instance: options.source, id, url: '' },
      name,
      accountName: account,
      owner: { id: owner, name: owner },
      amount,
      currency,
      stage: { name: stageName, category, order: rule?.order ?? null },
      probability,
      forecastCategory: cell('forecastCategory') || null,
      nextStep: cell('nextStep') || null,
      createdAt,
      closeDate,
      closedAt,
      history: { closeDateChanges: [], stageChanges: [], tracked: false },
      // A report export lists no people: their absence is not evidence of none.
      stakeholders: [],
      activities: [],
      tracks: { people: false },
      fields,
      isNewBusiness,
      product,
    };
    const result = Deal.safeParse(input);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      const path = issue.path.join('.') || 'deal';
      return skip(`invalid ${path} (${issue.message})`, row, JSON.stringify(valueAt(input, issue.path)));
    }
    const first = firstRowOfId.get(id);
    if (first !== undefined) {
      if (!duplicateIds.has(id)) duplicateIds.add(id, first);
      duplicateIds.add(id, row);
      return skip('duplicate id', row, JSON.stringify(id));
    }
    firstRowOfId.set(id, row);
    const deal = result.data;
    deals.push(deal);
    fromColumn.push(isNewBusiness !== null);

    categories[category]++;
    if (category === 'won' && deal.amount === null) wonWithoutAmount.add(row);
    if (category === 'lost' && deal.amount !== null) lostWithKnownAmount++;
    if (deal.createdAt === null) withoutCreatedAt.add(row);
    if (category === 'open') {
      if (deal.createdAt === null) openWithoutCreatedAt.add(row);
      if (deal.closeDate === null) openWithoutCloseDate.add(row);
      if (deal.accountName === null) openWithoutAccount.add(row);
    }
    if ((deal.createdAt && dayNumber(deal.createdAt) > today) || (deal.closedAt && dayNumber(deal.closedAt) > today)) futureDates.add(row);
  });

  const business = deriveNewBusiness(deals, fromColumn);
  options.onProgress?.(1);

  const teamOf = (ownerName: string): string | null => {
    const info = options.teams?.get(ownerName);
    if (info) return info.manager || null;
    const votes = teamVotes.get(ownerName);
    if (!votes) return null;
    return [...votes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
  };

  const ownersWithoutTeam = new Map<string, number>();
  if (options.teams) for (const d of deals) if (!options.teams.has(d.owner.name)) ownersWithoutTeam.set(d.owner.name, (ownersWithoutTeam.get(d.owner.name) ?? 0) + 1);

  const quality: DataQualityReport = {
    source: options.source,
    preset: mapping.preset,
    rowsRead: parsed.rows.length + malformed,
    rowsImported: deals.length,
    skipped: skipped.entries().map((e) => ({ reason: e.key, ...e.sample, example: e.extra.example })),
    categories,
    lostZeroAmount: lostZeroAmount.toJSON(),
    valueWinRateReliable: lostZeroAmount.count === 0 && (categories.lost === 0 || lostWithKnownAmount > 0),
    wonWithoutAmount: wonWithoutAmount.toJSON(),
    withoutCreatedAt: withoutCreatedAt.toJSON(),
    openWithoutCreatedAt: openWithoutCreatedAt.toJSON(),
    openWithoutCloseDate: openWithoutCloseDate.toJSON(),
    openWithoutAccount: openWithoutAccount.toJSON(),
    futureDates: futureDates.toJSON(),
    unknownProducts: unknownProducts.entries().map((e) => ({ name: e.key, ...e.sample, suggestion: e.extra.suggestion })),
    unknownStages: unknownStages.entries().map((e) => ({ name: e.key, ...e.sample })),
    guessedStages: guessedStages.entries().map((e) => ({ name: e.key, ...e.sample, category: e.extra.category })),
    duplicateIds: duplicateIds.entries().map((e) => ({ id: e.key, ...e.sample })),
    unreadable: unreadable.entries().map((e) => ({
      field: e.key,
      column: mapping.columns[e.key]!,
      expected: EXPECTED[e.key]?.(mapping) ?? 'a value',
      ...e.sample,
      examples: e.extra.examples,
    })),
    ownersWithoutTeam: [...ownersWithoutTeam].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count),
    missingColumns,
    idsFromRowNumbers: col.id === undefined,
    business,
    footer: parsed.footer ?? [],
  };
  return { deals, quality: DataQualityReport.parse(quality), teamOf };
}

/** Salesforce "Type" / HubSpot "Deal Type" text → isNewBusiness; null when it says neither. */
export function businessFromType(text: string | null): boolean | null {
  if (!text) return null;
  // Labels ("New Business", "Existing Customer - Upgrade") and internal values ("newbusiness").
  const t = text.toLowerCase().replace(/[^a-z]/g, '');
  if (t.startsWith('new')) return true;
  if (/existing|renewal|upsell|upgrade|expansion|addon|crosssell|replacement|downgrade/.test(t)) return false;
  return null;
}

/**
 * isNewBusiness for deals whose file did not say: existing-customer business when the same account
 * has a won deal that closed before this deal was created; new when it has none; null when the
 * account or created date is unknown, or when an earlier-undated won deal of the account leaves it open.
 */
function deriveNewBusiness(deals: Deal[], fromColumn: boolean[]): DataQualityReport['business'] {
  interface AccountWins {
    /** Earliest and second-earliest won close day, with the deal index of the earliest. */
    min1: number;
    min1Index: number;
    min2: number;
    undated: number;
    undatedIndexes: Set<number>;
  }
  const wins = new Map<string, AccountWins>();
  deals.forEach((d, i) => {
    if (d.stage.category !== 'won' || d.accountName === null) return;
    const w = wins.get(d.accountName) ?? { min1: Infinity, min1Index: -1, min2: Infinity, undated: 0, undatedIndexes: new Set<number>() };
    const day = d.closedAt ? dayNumber(d.closedAt) : NaN;
    if (Number.isNaN(day)) {
      w.undated++;
      w.undatedIndexes.add(i);
    } else if (day < w.min1) {
      w.min2 = w.min1;
      w.min1 = day;
      w.min1Index = i;
    } else if (day < w.min2) {
      w.min2 = day;
    }
    wins.set(d.accountName, w);
  });

  let fresh = 0;
  let existing = 0;
  let unknown = 0;
  let derived = 0;
  deals.forEach((d, i) => {
    if (!fromColumn[i]) {
      derived++;
      d.isNewBusiness = null;
      const created = d.createdAt ? dayNumber(d.createdAt) : NaN;
      if (d.accountName !== null && !Number.isNaN(created)) {
        const w = wins.get(d.accountName);
        if (!w) d.isNewBusiness = true;
        else {
          const earliestOther = w.min1Index === i ? w.min2 : w.min1;
          const undatedOthers = w.undated - (w.undatedIndexes.has(i) ? 1 : 0);
          if (earliestOther < created) d.isNewBusiness = false;
          else if (undatedOthers === 0) d.isNewBusiness = true;
        }
      }
    }
    if (d.isNewBusiness === true) fresh++;
    else if (d.isNewBusiness === false) existing++;
    else unknown++;
  });
  const basis = derived === 0 ? 'column' : derived === deals.length ? 'derived' : 'mixed';
  return { new: fresh, existing, unknown, basis };
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}
