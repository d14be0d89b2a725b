/**
 * Finding a value on a CRM page from a profile's locator. The DOM comes in as a `ParentNode`
 * (the document, a shadow root, a test fixture); nothing here touches globals, so it runs in the
 * content script and in Node tests alike. Zod-free (content-script budget, DESIGN §8).
 *
 * - `label`: the text written next to the value ("Close date"), compared ignoring case, spacing,
 *   no-break spaces, trailing colons and required-field stars. From the label element the value is:
 *   the control a `<label for>` names or wraps; the element whose `aria-labelledby` names the label;
 *   an element whose `aria-label` is the text; the `<dd>` after a `<dt>`; the cell after a `<th>`/`<td>`;
 *   otherwise the next sibling element (`<span class=label>Owner</span><span>Ana</span>`) or the
 *   text right after the label (`<b>Owner:</b> Ana`). When the label sits alone inside a wrapper
 *   (`<th><span>Close date</span></th>`) the same rules apply from the wrapper, up to three levels.
 * - `css`: the one element a selector matches.
 * - `attribute`: an attribute of the one element a selector matches (`<time datetime>`, `data-value`).
 *
 * Failures say why, in words an admin can act on: not found, ambiguous (N matches), empty (a
 * collapsed or lazily filled panel: the caller reads again when the page changes), bad selector.
 */
import { cleanText, cssString, labelKey } from './text';

export type DomLocator =
  | { by: 'label'; text: string; scope?: string | undefined }
  | { by: 'css'; selector: string }
  | { by: 'attribute'; selector: string; attribute: string };

export type LocateFailure = 'not-found' | 'ambiguous' | 'empty' | 'invalid-selector';

export type Located = { ok: true; element: Element; text: string };
export type NotLocated = { ok: false; reason: LocateFailure; message: string; count?: number };
export type LocateResult = Located | NotLocated;

const ELEMENT = 1;
const TEXT = 3;
/** Never labels or values: code, styles, options of a list, the page title. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'OPTION', 'OPTGROUP', 'TITLE', 'HEAD', 'SVG', 'PATH']);
/** Inline wrappers a label may be split across: `<label>Close <b>date</b></label>`. */
const INLINE = new Set(['B', 'I', 'EM', 'STRONG', 'SPAN', 'ABBR', 'SMALL', 'SUP', 'SUB', 'MARK', 'U']);
/** Decoration between a label and its value: icons, line breaks, help buttons. */
const DECORATION = new Set(['BR', 'SVG', 'IMG', 'I', 'BUTTON', 'WBR', 'HR']);
const MAX_LABEL = 120;

/** Labels of one page, found in one pass; build it once per read of all fields. */
export interface LabelIndex {
  root: ParentNode;
  /** Label keys indexed; null: every text on the page (pick mode). */
  wanted: ReadonlySet<string> | null;
  byText: Map<string, Element[]>;
  byAriaLabel: Map<string, Element[]>;
  /** Elements with `aria-labelledby`, by each id they name. */
  labelledBy: Map<string, Element[]>;
}

function tag(el: Element): string {
  return el.tagName.toUpperCase();
}

function ownText(el: Element): string {
  let text = '';
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === TEXT) text += n.textContent ?? '';
  return text;
}

/** Text of an element made only of text and simple inline elements, or null. */
function inlineText(el: Element): string | null {
  if (el.childElementCount === 0 || el.childElementCount > 3) return null;
  for (const child of Array.from(el.children)) if (!INLINE.has(tag(child)) || child.childElementCount > 0) return null;
  return el.textContent ?? '';
}

function push(map: Map<string, Element[]>, key: string, el: Element): void {
  const list = map.get(key);
  if (list) list.push(el);
  else map.set(key, [el]);
}

/**
 * Index the page's label texts. With `wanted` (the labels a profile uses) only those are kept and
 * longer texts are skipped without normalising them, which keeps a read of a large page cheap.
 */
export function buildLabelIndex(root: ParentNode, wanted?: Iterable<string>): LabelIndex {
  const want = wanted ? new Set(Array.from(wanted, labelKey)) : null;
  const longest = want ? Math.max(0, ...Array.from(want, (k) => k.length)) : MAX_LABEL;
  // Raw text may carry extra spaces, colons and stars around the label.
  const limit = longest * 2 + 16;
  const byText = new Map<string, Element[]>();
  const byAriaLabel = new Map<string, Element[]>();
  const labelledBy = new Map<string, Element[]>();
  const keep = (text: string, el: Element) => {
    if (text.length > limit || text.trim() === '') return;
    const key = labelKey(text);
    if (key && key.length <= MAX_LABEL && (!want || want.has(key)) && !byText.get(key)?.includes(el)) push(byText, key, el);
  };
  if (!want || want.size > 0) {
    for (const el of Array.from(root.querySelectorAll('*'))) {
      if (SKIP.has(tag(el)) || (el.parentElement && SKIP.has(tag(el.parentElement)))) continue;
      const own = ownText(el);
      keep(own, el);
      if (el.childElementCount > 0) {
        const inline = inlineText(el);
        if (inline !== null) keep(inline, el);
      }
    }
    for (const el of Array.from(root.querySelectorAll('[aria-label]'))) {
      const key = labelKey(el.getAttribute('aria-label') ?? '');
      if (key && (!want || want.has(key))) push(byAriaLabel, key, el);
    }
  }
  for (const el of Array.from(root.querySelectorAll('[aria-labelledby]'))) {
    for (const id of (el.getAttribute('aria-labelledby') ?? '').split(/\s+/)) if (id) push(labelledBy, id, el);
  }
  return { root, wanted: want, byText, byAriaLabel, labelledBy };
}

/** The value an element shows: a control's current value, a select's chosen option, else its text. */
export function elementValue(el: Element): string {
  const t = tag(el);
  if (t === 'INPUT') {
    const type = (el.getAttribute('type') ?? 'text').toLowerCase();
    if (type === 'checkbox' || type === 'radio') {
      const checked = (el as HTMLInputElement).checked;
      return (typeof checked === 'boolean' ? checked : el.hasAttribute('checked')) ? 'yes' : 'no';
    }
    if (type === 'hidden' || type === 'password') return '';
    return cleanText(controlValue(el) ?? '');
  }
  if (t === 'TEXTAREA') return cleanText(controlValue(el) ?? el.textContent ?? '');
  if (t === 'SELECT') return cleanText(selectedText(el));
  const text = cleanText(el.textContent ?? '');
  if (text === '') {
    // A wrapper around one control (`<td><div><input></div></td>`) shows the control's value.
    const controls = el.querySelectorAll('input, select, textarea');
    if (controls.length === 1) return elementValue(controls[0]!);
  }
  return text;
}

/**
 * The live value of a control: the `value` property when the page's script set it (SPAs such as
 * Tryton's sao never write the attribute), else the `value` attribute (server-rendered pages, and
 * DOM implementations that do not reflect the property).
 */
function controlValue(el: Element): string | null {
  const prop = (el as { value?: unknown }).value;
  if (typeof prop === 'string' && (prop !== '' || !el.hasAttribute('value'))) return prop;
  return el.getAttribute('value');
}

function selectedText(select: Element): string {
  const options = Array.from(select.querySelectorAll('option'));
  const chosen = options.filter((o) => (o as HTMLOptionElement).selected === true || o.hasAttribute('selected'));
  if (chosen.length > 0) return chosen.map((o) => o.textContent ?? '').join(', ');
  const value = (select as { value?: unknown }).value;
  const byValue = typeof value === 'string' ? options.find((o) => (o.getAttribute('value') ?? o.textContent) === value) : undefined;
  // A single-choice select without `selected` shows its first option.
  return byValue?.textContent ?? (select.hasAttribute('multiple') ? '' : (options[0]?.textContent ?? ''));
}

function queryAll(root: ParentNode, selector: string): Element[] | NotLocated {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return { ok: false, reason: 'invalid-selector', message: `"${selector}" is not a valid CSS selector` };
  }
}

function byId(root: ParentNode, id: string): Element | null {
  try {
    return root.querySelector(`[id="${cssString(id)}"]`);
  } catch {
    return null;
  }
}

/** A value found next to a label: an element, or text after the label inside `element`. */
interface Candidate {
  element: Element;
  text?: string;
}

function nextElement(el: Element): Element | null {
  let n = el.nextElementSibling;
  while (n && (DECORATION.has(tag(n)) || n.getAttribute('aria-hidden') === 'true' || SKIP.has(tag(n)))) n = n.nextElementSibling;
  return n;
}

/** Text right after the label, before the next element: `<b>Owner:</b> Ana Ruiz`. */
function textAfter(el: Element): string | null {
  let text = '';
  for (let n = el.nextSibling; n && n.nodeType !== ELEMENT; n = n.nextSibling) if (n.nodeType === TEXT) text += n.textContent ?? '';
  const clean = cleanText(text).replace(/^[:：]\s*/, '');
  return clean === '' ? null : clean;
}

/** A cell that can label the next one: `<th>`/`<td>` in a row, ARIA row headers and cells. */
function isCell(el: Element): boolean {
  const t = tag(el);
  const role = el.getAttribute('role');
  return t === 'TD' || t === 'TH' || role === 'cell' || role === 'gridcell' || role === 'rowheader';
}

/** A cell that can hold a value: not a column header (`Name | Role` headers are not label/value pairs). */
function isValueCell(el: Element): boolean {
  const role = el.getAttribute('role');
  return tag(el) === 'TD' || role === 'cell' || role === 'gridcell';
}

/** From a label element to the value it labels; null when none of the rules applies. */
function valueOfLabel(label: Element, index: LabelIndex, key: string): Candidate | null {
  if (tag(label) === 'LABEL') {
    const target = label.getAttribute('for');
    if (target) {
      const control = byId(index.root, target);
      if (control) return { element: control };
    }
    const wrapped = label.querySelector('input, select, textarea');
    if (wrapped) return { element: wrapped };
  }
  const id = label.getAttribute('id');
  if (id) {
    const labelled = (index.labelledBy.get(id) ?? []).filter((el) => el !== label);
    if (labelled.length === 1) return { element: labelled[0]! };
  }
  let node: Element = label;
  for (let level = 0; level < 4; level++) {
    const t = tag(node);
    if (t === 'DT') {
      const dd = node.nextElementSibling;
      return dd && tag(dd) === 'DD' ? { element: dd } : null;
    }
    if (isCell(node)) {
      const cell = node.nextElementSibling;
      if (cell && isValueCell(cell)) return { element: cell };
    } else {
      const next = nextElement(node);
      if (next) return { element: next };
      const after = textAfter(node);
      if (after !== null && node.parentElement) return { element: node.parentElement, text: after };
    }
    const parent = node.parentElement;
    // Climb only out of wrappers that hold nothing but the label.
    if (!parent || parent === (index.root as unknown) || labelKey(parent.textContent ?? '') !== key) return null;
    node = parent;
  }
  return null;
}

function inScope(el: Element, scopes: readonly Element[] | null): boolean {
  return scopes === null || scopes.some((s) => s === el || s.contains(el));
}

function describe(locator: DomLocator): string {
  switch (locator.by) {
    case 'label':
      return `label "${locator.text}"${locator.scope ? ` inside ${locator.scope}` : ''}`;
    case 'css':
      return `"${locator.selector}"`;
    case 'attribute':
      return `${locator.attribute} of "${locator.selector}"`;
  }
}

/**
 * The element (and text) a locator points at, even when the value is empty: used for regions
 * (a stakeholder table) and by pick mode to check a locator resolves back to the clicked element.
 */
export function locateElement(root: ParentNode, locator: DomLocator, index?: LabelIndex): LocateResult {
  if (locator.by !== 'label') {
    const found = queryAll(root, locator.selector);
    if (!Array.isArray(found)) return found;
    const visible = found.filter((el) => !SKIP.has(tag(el)));
    if (visible.length === 0) return { ok: false, reason: 'not-found', message: `${describe(locator)} matches nothing on this page` };
    const texts = visible.map((el) => (locator.by === 'attribute' ? cleanText(el.getAttribute(locator.attribute) ?? '') : elementValue(el)));
    if (visible.length > 1 && new Set(texts).size > 1) {
      return { ok: false, reason: 'ambiguous', count: visible.length, message: `${visible.length} elements match ${describe(locator)}, with different values — ambiguous; make the selector more specific` };
    }
    if (locator.by === 'attribute' && !visible[0]!.hasAttribute(locator.attribute)) {
      return { ok: false, reason: 'empty', message: `the element ${`"${locator.selector}"`} has no ${locator.attribute} attribute (yet)` };
    }
    return { ok: true, element: visible[0]!, text: texts[0]! };
  }

  let scopes: Element[] | null = null;
  if (locator.scope) {
    const found = queryAll(root, locator.scope);
    if (!Array.isArray(found)) return found;
    if (found.length === 0) return { ok: false, reason: 'not-found', message: `the area "${locator.scope}" is not on this page (yet)` };
    scopes = found;
  }
  const key = labelKey(locator.text);
  const idx = index && index.root === root && (index.wanted === null || index.wanted.has(key)) ? index : buildLabelIndex(root, [locator.text]);
  const labels = (idx.byText.get(key) ?? []).filter((el) => inScope(el, scopes));
  // Keep the innermost label element when a wrapper and its child both read as the label.
  const innermost = labels.filter((el) => !labels.some((other) => other !== el && el.contains(other)));
  const candidates: Candidate[] = [];
  for (const label of innermost) {
    const value = valueOfLabel(label, idx, key);
    if (value && !candidates.some((c) => c.element === value.element && c.text === value.text)) candidates.push(value);
  }
  for (const el of idx.byAriaLabel.get(key) ?? []) {
    if (inScope(el, scopes) && !candidates.some((c) => c.element === el)) candidates.push({ element: el });
  }
  if (candidates.length === 0) {
    const message = innermost.length > 0 ? `found the label "${locator.text}" but no value next to it` : `label "${locator.text}" not found${locator.scope ? ` inside ${locator.scope}` : ''}`;
    return { ok: false, reason: 'not-found', message };
  }
  const texts = candidates.map((c) => c.text ?? elementValue(c.element));
  if (candidates.length > 1 && new Set(texts).size > 1) {
    return {
      ok: false,
      reason: 'ambiguous',
      count: candidates.length,
      message: `${candidates.length} elements match label "${locator.text}", with different values — ambiguous; limit it to an area of the page (scope)`,
    };
  }
  return { ok: true, element: candidates[0]!.element, text: texts[0]! };
}

/** The value text a locator points at; an empty value is a failure (`empty`), to be read again later. */
export function locate(root: ParentNode, locator: DomLocator, index?: LabelIndex): LocateResult {
  const found = locateElement(root, locator, index);
  if (!found.ok || found.text !== '') return found;
  return {
    ok: false,
    reason: 'empty',
    message: `${describe(locator)} is on the page but shows no value (yet: it may be in a collapsed panel that loads later)`,
  };
}
