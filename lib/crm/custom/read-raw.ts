/**
 * The content script's whole part in reading a page-based custom CRM: collect the raw texts a
 * profile points at — each field's text (or why it could not be found), each list's rows as the texts
 * of the mapped columns. Nothing is parsed here: amounts, dates, stages and roles are read by the
 * background from these texts (raw-source.ts, draft.ts), so the page's script never decides what a
 * value means and this file stays small (content-script budget, DESIGN §8). Zod-free, global-free.
 *
 * Lists (stakeholders, activities) are a region (any locator: "the table after the heading
 * Contact roles") and rows in it: by default the table's rows that have data cells, else ARIA rows,
 * else the list items, else the region's child elements. Columns are picked by header text, by
 * position, or by a CSS selector inside the row. "No records" rows (one cell spanning the table)
 * are left out.
 */
import type { ColumnRole, ListName } from './draft';
import { DEAL_FIELD_KEYS } from './fields';
import { buildLabelIndex, elementValue, locate, locateElement, type DomLocator, type LabelIndex, type LocateFailure } from './locate';
import type { Column, CustomCrmProfile, Locator } from './profile';
import { readWhenSettled, type SettleOptions } from './settle';
import { cleanText, labelKey } from './text';

/** A field's text as shown, or why it is not there. */
export type RawText = { ok: true; text: string } | { ok: false; reason: LocateFailure | 'json'; message: string };

export type RawList =
  | {
      ok: true;
      /** Per row, the text of each mapped column (null: no such cell in this row). */
      rows: Array<Partial<Record<ColumnRole, string | null>>>;
      /** Columns that cannot be read in this list at all ("no column Role in the list"). */
      columnErrors: Partial<Record<ColumnRole, string>>;
    }
  | { ok: false; message: string };

export interface RawPageReading {
  /** By field key: `closeDate`, `fields.budget_confirmed`. */
  fields: Record<string, RawText>;
  lists: Partial<Record<ListName, RawList>>;
}

function tag(el: Element): string {
  return el.tagName.toUpperCase();
}

const CELL_ROLES = new Set(['cell', 'gridcell', 'columnheader', 'rowheader']);

function cellsOf(row: Element): Element[] {
  const children = Array.from(row.children);
  const cells = children.filter((c) => tag(c) === 'TD' || tag(c) === 'TH' || CELL_ROLES.has(c.getAttribute('role') ?? ''));
  return cells.length > 0 ? cells : children;
}

/** The header row of a table or ARIA grid, as label keys. */
function headersOf(region: Element): string[] | null {
  const table = tag(region) === 'TABLE' ? region : region.querySelector('table');
  if (table) {
    const head =
      table.querySelector('thead tr') ??
      Array.from(table.querySelectorAll('tr')).find((tr) => {
        const cells = cellsOf(tr);
        return cells.length > 0 && cells.every((c) => tag(c) === 'TH');
      });
    return head ? cellsOf(head).map((c) => labelKey(c.textContent ?? '')) : null;
  }
  const headerRow = Array.from(region.querySelectorAll('[role="row"]')).find((r) => r.querySelector('[role="columnheader"]'));
  return headerRow ? cellsOf(headerRow).map((c) => labelKey(c.textContent ?? '')) : null;
}

function defaultRows(region: Element): Element[] {
  const table = tag(region) === 'TABLE' ? region : region.querySelector('table');
  if (table) return Array.from(table.querySelectorAll('tr')).filter((tr) => cellsOf(tr).some((c) => tag(c) === 'TD'));
  const ariaRows = Array.from(region.querySelectorAll('[role="row"]'));
  if (ariaRows.length > 0) return ariaRows.filter((r) => !r.querySelector('[role="columnheader"]'));
  const list = tag(region) === 'UL' || tag(region) === 'OL' ? region : region.querySelector('ul, ol');
  if (list) return Array.from(list.children).filter((li) => tag(li) === 'LI');
  return Array.from(region.children);
}

/** A row that only says the list is empty: one cell spanning several columns ("No contacts"). */
function isPlaceholderRow(cells: readonly Element[]): boolean {
  return cells.length === 1 && Number(cells[0]!.getAttribute('colspan') ?? '1') > 1;
}

function dom(locator: Locator): DomLocator | null {
  return locator.by === 'json' ? null : locator;
}

const JSON_ON_PAGE = 'a JSON path cannot be read from the page';

/** One cell's text; a failure that concerns the whole column is thrown as its message. */
function cellText(row: Element, cells: readonly Element[], headers: string[] | null, column: Column): string | null {
  if ('key' in column) throw new Error('a JSON key cannot be read from the page');
  if ('css' in column) {
    let el: Element | null;
    try {
      el = row.querySelector(column.css);
    } catch {
      throw new Error(`"${column.css}" is not a valid CSS selector`);
    }
    if (!el) return null;
    return column.attribute ? cleanText(el.getAttribute(column.attribute) ?? '') : elementValue(el);
  }
  let i: number;
  if ('header' in column) {
    if (!headers) throw new Error(`the list has no header row to find "${column.header}" in; pick the column by position or CSS`);
    i = headers.indexOf(labelKey(column.header));
    if (i === -1) throw new Error(`no column "${column.header}" in the list`);
  } else i = column.nth - 1;
  const cell = cells[i];
  return cell ? elementValue(cell) : null;
}

function readList(root: ParentNode, labels: () => LabelIndex, region: Locator, rowSelector: string | undefined, columns: Array<[ColumnRole, Column | undefined]>): RawList {
  const where = dom(region);
  if (!where) return { ok: false, message: JSON_ON_PAGE };
  const found = locateElement(root, where, where.by === 'label' ? labels() : undefined);
  if (!found.ok) return { ok: false, message: found.message };
  let elements: Element[];
  try {
    elements = rowSelector ? Array.from(found.element.querySelectorAll(rowSelector)) : defaultRows(found.element);
  } catch {
    return { ok: false, message: `"${rowSelector}" is not a valid CSS selector` };
  }
  const headers = headersOf(found.element);
  const rows: Array<Partial<Record<ColumnRole, string | null>>> = [];
  const columnErrors: Partial<Record<ColumnRole, string>> = {};
  for (const element of elements) {
    const cells = cellsOf(element);
    if (isPlaceholderRow(cells)) continue;
    const row: Partial<Record<ColumnRole, string | null>> = {};
    for (const [role, column] of columns) {
      if (!column || columnErrors[role] !== undefined) continue;
      try {
        row[role] = cellText(element, cells, headers, column);
      } catch (error) {
        columnErrors[role] = (error as Error).message;
      }
    }
    rows.push(row);
  }
  return { ok: true, rows, columnErrors };
}

/** The label texts a profile looks for, so the page's label index keeps only those. */
function labelTexts(profile: CustomCrmProfile): string[] {
  const locators: Locator[] = [];
  for (const key of DEAL_FIELD_KEYS) {
    const source = profile.fields[key];
    if (source) locators.push(source.locator);
  }
  for (const extra of profile.extraFields) locators.push(extra.source.locator);
  if (profile.stakeholders) locators.push(profile.stakeholders.region);
  if (profile.activities) locators.push(profile.activities.region);
  return locators.flatMap((l) => (l.by === 'label' ? [l.text] : []));
}

/** Every text the profile points at on this page. */
export function readRawFromPage(root: ParentNode, profile: CustomCrmProfile): RawPageReading {
  let index: LabelIndex | null = null;
  const labels = () => (index ??= buildLabelIndex(root, labelTexts(profile)));
  const text = (locator: Locator): RawText => {
    const where = dom(locator);
    if (!where) return { ok: false, reason: 'json', message: JSON_ON_PAGE };
    const found = locate(root, where, where.by === 'label' ? labels() : undefined);
    return found.ok ? { ok: true, text: found.text } : { ok: false, reason: found.reason, message: found.message };
  };
  const fields: Array<[string, RawText]> = [];
  for (const key of DEAL_FIELD_KEYS) {
    const source = profile.fields[key];
    if (source) fields.push([key, text(source.locator)]);
  }
  for (const extra of profile.extraFields) fields.push([`fields.${extra.key}`, text(extra.source.locator)]);
  const lists: RawPageReading['lists'] = {};
  const s = profile.stakeholders;
  if (s) lists.stakeholders = readList(root, labels, s.region, s.row, [['name', s.name], ['role', s.role], ['title', s.title]]);
  const a = profile.activities;
  if (a) {
    lists.activities = readList(root, labels, a.region, a.row, [
      ['date', a.date.column],
      ['kind', a.kind.column],
      ['contact', a.contact],
      ['done', a.done.by === 'column' ? a.done.column : undefined],
    ]);
  }
  // fromEntries defines own properties, whatever the key.
  return { fields: Object.fromEntries(fields), lists };
}

/**
 * Fields not found or still empty: worth reading again once the page has loaded more. (Whether a
 * shown "—" means "no value" is decided later; an element that is there with text is not pending.)
 */
export function pendingFields(raw: RawPageReading): string[] {
  const pending = Object.entries(raw.fields)
    .filter(([, r]) => !r.ok && (r.reason === 'empty' || r.reason === 'not-found'))
    .map(([key]) => key);
  for (const [name, list] of Object.entries(raw.lists)) if (list && !list.ok) pending.push(name);
  return pending;
}

/** The background's request to a CRM tab (TabProtocol `readDom`). */
export interface ReadDomRequest {
  /** Sent whole, already validated by the background: the content script needs no storage and no zod. */
  profile: CustomCrmProfile;
  /** The record the background means; the background checks the reply's `url` still shows it. */
  url: string;
}

export interface ReadDomReply {
  kind: 'raw';
  /** The page's URL when it was read. */
  url: string;
  raw: RawPageReading;
}

/** The content script's answer to `readDom`: the page's texts, after waiting briefly for panels still loading. */
export async function answerReadDom(root: ParentNode, request: ReadDomRequest, pageUrl: string, options: SettleOptions = {}): Promise<ReadDomReply> {
  const raw = await readWhenSettled(
    () => readRawFromPage(root, request.profile),
    (r) => pendingFields(r).length === 0,
    options,
  );
  return { kind: 'raw', url: pageUrl, raw };
}
