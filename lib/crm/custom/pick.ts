/**
 * "Pick on page": from the element an admin clicked to a locator that will find the same value on
 * every record page of the CRM, not just this one. In order of preference:
 *   1. the label written next to the value ("Close date") — survives layout changes and redesigns;
 *   2. a stable attribute: an `id` that does not look generated, `data-field`, `data-testid`,
 *      `name`, `itemprop`, `aria-label` (on the element or a wrapper around only it);
 *   3. a class that does not look generated;
 *   4. as a last resort, a positional CSS path (from the nearest stable ancestor when there is one).
 * Every suggestion is checked: it must resolve, on this page, uniquely back to the clicked element.
 * Zod-free, global-free: runs in the content script during pick mode.
 */
import { buildLabelIndex, elementValue, locateElement, type DomLocator, type LabelIndex } from './locate';
import { cleanText, cssIdent, cssString, labelKey } from './text';

export interface PickSuggestion {
  locator: DomLocator;
  /** 0–1: how likely the locator keeps working on other records and after CRM updates. */
  confidence: number;
  /** Why this locator, in words for the editor ("the label next to the value"). */
  why: string;
}

export interface PickResult extends PickSuggestion {
  /** The value shown by the clicked element now, for the admin to confirm. */
  text: string;
  alternatives: PickSuggestion[];
}

function tag(el: Element): string {
  return el.tagName.toUpperCase();
}

/**
 * Ids and classes written by frameworks and build tools change between page loads or releases:
 * `ember1234`, `ui-id-103`, `r-3f9a1c`, `:r5:`, `mui-12`, `css-1x2y3z`, `sc-bdVaJa`, GUIDs.
 */
export function looksGenerated(value: string): boolean {
  const v = value.trim();
  if (v === '' || v.length > 64) return true;
  if (/\d{3,}/.test(v)) return true;
  if (/^:[^:]+:$/.test(v) || v.includes('::')) return true;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(v)) return true;
  if (/^(ember|ext-gen|ext-comp|ext-element|gwt-uid|ui-id|yui_|mui|react-select|headlessui|radix|downshift|rc[-_]|cdk|mat-|j_id|jsx|svelte|vue|v-|el-|x-auto|uid|id)[-_]?\d/i.test(v)) return true;
  if (/^(css|sc|jsx|emotion|tw|styled)-[a-z0-9]+$/i.test(v) && /\d/.test(v)) return true;
  if (/^sc-[A-Za-z]{5,}$/.test(v)) return true;
  for (const part of v.split(/[-_:.]/)) {
    const digits = (part.match(/\d/g) ?? []).length;
    // Hash-like parts: hex with digits and letters (`3f9a1c`), or long mixed runs (`a1b2c3d4`).
    if (part.length >= 5 && /^[0-9a-f]+$/i.test(part) && digits >= 1 && /[a-f]/i.test(part)) return true;
    if (part.length >= 6 && digits >= 2 && /[a-z]/i.test(part)) return true;
  }
  return false;
}

const STABLE_ATTRIBUTES: ReadonlyArray<[string, number, string]> = [
  ['data-field', 0.85, 'its data-field attribute'],
  ['data-testid', 0.85, 'its test id (data-testid)'],
  ['data-test-id', 0.85, 'its test id (data-test-id)'],
  ['data-qa', 0.8, 'its data-qa attribute'],
  ['name', 0.8, 'its field name (name attribute)'],
  ['itemprop', 0.8, 'its itemprop attribute'],
  ['aria-label', 0.75, 'its accessible name (aria-label)'],
];

function sameValueElement(found: Element, target: Element): boolean {
  if (found === target) return true;
  if (found.contains(target) || target.contains(found)) return elementValue(found) === elementValue(target);
  return false;
}

function resolvesTo(root: ParentNode, locator: DomLocator, target: Element, index: LabelIndex): boolean {
  const found = locateElement(root, locator, locator.by === 'label' ? index : undefined);
  return found.ok && sameValueElement(found.element, target);
}

function unique(root: ParentNode, selector: string, el: Element): boolean {
  try {
    const all = root.querySelectorAll(selector);
    return all.length === 1 && all[0] === el;
  } catch {
    return false;
  }
}

function stableId(el: Element): string | null {
  const id = el.getAttribute('id');
  return id && !looksGenerated(id) ? id : null;
}

/** The nearest ancestor a selector can start from: a stable id or a stable attribute, unique on the page. */
function stableAnchor(el: Element, root: ParentNode): string | null {
  for (let a = el.parentElement; a; a = a.parentElement) {
    if ((a as unknown) === root) return null;
    const id = stableId(a);
    if (id && unique(root, `#${cssIdent(id)}`, a)) return `#${cssIdent(id)}`;
    for (const [attr] of STABLE_ATTRIBUTES) {
      const v = a.getAttribute(attr);
      if (!v || looksGenerated(v)) continue;
      const sel = `${a.localName}[${attr}="${cssString(v)}"]`;
      if (unique(root, sel, a)) return sel;
    }
  }
  return null;
}

/** Texts that may label the target: a `<label>`, `aria-labelledby`, the `<dt>`, the row header, the element before it. */
function labelTexts(target: Element, root: ParentNode): string[] {
  const texts: string[] = [];
  const add = (t: string | null | undefined) => {
    const clean = cleanText(t ?? '').replace(/\s*[:：*]+\s*$/, '').replace(/^\*\s*/, '');
    if (looksLikeLabel(clean) && !texts.includes(clean) && labelKey(clean) !== labelKey(elementValue(target))) texts.push(clean);
  };
  const control = ['INPUT', 'SELECT', 'TEXTAREA'].includes(tag(target)) ? target : target.querySelector('input, select, textarea');
  for (const el of control ? [control, target] : [target]) {
    const id = el.getAttribute('id');
    if (id) {
      for (const label of Array.from(root.querySelectorAll(`label[for="${cssString(id)}"]`))) add(label.textContent);
    }
    for (const ref of (el.getAttribute('aria-labelledby') ?? '').split(/\s+/)) {
      if (!ref) continue;
      const label = root.querySelector(`[id="${cssString(ref)}"]`);
      if (label) add(label.textContent);
    }
    const wrapping = el.closest('label');
    if (wrapping) add(ownLabelText(wrapping));
    add(el.getAttribute('aria-label'));
  }
  // Neighbours: the element before the value (or before a wrapper that holds only the value).
  let node: Element | null = target;
  for (let level = 0; node && level < 4 && (node as unknown) !== root; level++) {
    if (tag(node) === 'DD') {
      let dt = node.previousElementSibling;
      while (dt && tag(dt) === 'DD') dt = dt.previousElementSibling;
      if (dt && tag(dt) === 'DT') add(dt.textContent);
      break;
    }
    const prev = node.previousElementSibling;
    if (prev) {
      if (isLabelElement(prev)) add(prev.textContent);
      break;
    }
    const before = node.previousSibling;
    if (before && before.nodeType === 3 && cleanText(before.textContent ?? '')) break;
    const parent: Element | null = node.parentElement;
    if (!parent || elementValue(parent) !== elementValue(target)) break;
    node = parent;
  }
  return texts;
}

/** Text that reads like a label, not like a value: short, has letters, few digits, no currency. */
function looksLikeLabel(text: string): boolean {
  if (text === '' || text.length > 60 || !/\p{L}/u.test(text)) return false;
  if ((text.match(/\d/g) ?? []).length > 2 || /[$€£¥₹]/.test(text)) return false;
  return true;
}

const INLINE_TAGS = new Set(['B', 'I', 'EM', 'STRONG', 'SPAN', 'ABBR', 'SMALL', 'SUP', 'SUB', 'LABEL', 'A']);

/** An element that can be a label: a leaf, or a few inline elements (not a block of content). */
function isLabelElement(el: Element): boolean {
  const inside = Array.from(el.querySelectorAll('*'));
  return inside.length <= 3 && inside.every((d) => INLINE_TAGS.has(tag(d)) || tag(d) === 'SVG' || tag(d) === 'I');
}

function ownLabelText(label: Element): string {
  let text = '';
  for (let n = label.firstChild; n; n = n.nextSibling) if (n.nodeType === 3 || (n.nodeType === 1 && !['INPUT', 'SELECT', 'TEXTAREA'].includes(tag(n as Element)))) text += n.textContent ?? '';
  return text;
}

/** `main > section:nth-of-type(2) > dl > dd:nth-of-type(3)`, from the nearest stable anchor or the root. */
function positionalPath(target: Element, root: ParentNode): { selector: string; anchored: boolean } {
  const parts: string[] = [];
  let anchored = false;
  for (let node: Element | null = target; node && (node as unknown) !== root; node = node.parentElement) {
    const id = stableId(node);
    if (id && node !== target && unique(root, `#${cssIdent(id)}`, node)) {
      parts.unshift(`#${cssIdent(id)}`);
      anchored = true;
      break;
    }
    const parent: Element | null = node.parentElement;
    const name = node.localName;
    if (!parent) {
      parts.unshift(name);
      break;
    }
    const same = Array.from(parent.children).filter((c) => c.localName === name);
    parts.unshift(same.length > 1 ? `${name}:nth-of-type(${same.indexOf(node) + 1})` : name);
  }
  return { selector: parts.join(' > '), anchored };
}

/**
 * The best locator for the clicked element and the alternatives, each verified to resolve uniquely
 * back to it. null only for an element outside `root`.
 */
export function robustLocator(element: Element, root: ParentNode): PickResult | null {
  const index = buildLabelIndex(root);
  const inRoot = (root as unknown as Node).contains?.(element) ?? true;
  if (!inRoot) return null;
  const suggestions: PickSuggestion[] = [];
  const offer = (locator: DomLocator, confidence: number, why: string, target: Element = element) => {
    if (suggestions.some((s) => JSON.stringify(s.locator) === JSON.stringify(locator))) return;
    if (resolvesTo(root, locator, target, index)) suggestions.push({ locator, confidence, why });
  };

  // 1. The label next to the value, scoped to a stable area when the label repeats.
  for (const text of labelTexts(element, root)) {
    const plain: DomLocator = { by: 'label', text };
    offer(plain, 0.9, `the label "${text}" next to the value`);
    if (!suggestions.some((s) => s.locator.by === 'label')) {
      const anchor = stableAnchor(element, root);
      if (anchor) offer({ by: 'label', text, scope: anchor }, 0.8, `the label "${text}" inside ${anchor}`);
    }
  }

  // 2. Stable attributes, on the element or on a wrapper around only it (a control inside a cell counts too).
  const candidates: Element[] = [element];
  const control = element.querySelector?.('input, select, textarea');
  if (control && elementValue(control) === elementValue(element)) candidates.push(control);
  for (let a = element.parentElement, level = 0; a && level < 2 && (a as unknown) !== root; a = a.parentElement, level++) {
    if (elementValue(a) === elementValue(element)) candidates.push(a);
  }
  for (const el of candidates) {
    const id = stableId(el);
    if (id) {
      const sel = `#${cssIdent(id)}`;
      if (unique(root, sel, el)) offer({ by: 'css', selector: sel }, 0.85, `its id "${id}"`, el);
    }
    for (const [attr, confidence, why] of STABLE_ATTRIBUTES) {
      const v = el.getAttribute(attr);
      if (!v || looksGenerated(v)) continue;
      const sel = `${el.localName}[${attr}="${cssString(v)}"]`;
      if (unique(root, sel, el)) offer({ by: 'css', selector: sel }, confidence, why, el);
      else {
        const anchor = stableAnchor(el, root);
        if (anchor && unique(root, `${anchor} ${sel}`, el)) offer({ by: 'css', selector: `${anchor} ${sel}` }, confidence - 0.1, `${why} inside ${anchor}`, el);
      }
    }
  }
  if (tag(element) === 'TIME' && element.getAttribute('datetime')) {
    const anchor = stableAnchor(element, root);
    const sel = anchor ? `${anchor} time[datetime]` : 'time[datetime]';
    if (unique(root, sel, element)) offer({ by: 'attribute', selector: sel, attribute: 'datetime' }, 0.7, 'the machine-readable date of this <time> element');
  }

  // 3. A class that reads like a name, not a hash.
  for (const cls of Array.from(element.classList ?? [])) {
    if (looksGenerated(cls) || cls.length < 3) continue;
    const sel = `${element.localName}.${cssIdent(cls)}`;
    if (unique(root, sel, element)) offer({ by: 'css', selector: sel }, 0.5, `its class "${cls}"`);
    else {
      const anchor = stableAnchor(element, root);
      if (anchor && unique(root, `${anchor} ${sel}`, element)) offer({ by: 'css', selector: `${anchor} ${sel}` }, 0.45, `its class "${cls}" inside ${anchor}`);
    }
  }

  // 4. Position on the page: breaks when the CRM changes its layout.
  const path = positionalPath(element, root);
  if (path.selector) offer({ by: 'css', selector: path.selector }, path.anchored ? 0.3 : 0.15, path.anchored ? 'its position inside a stable area (breaks if the layout changes)' : 'its position on the page (breaks if the layout changes)');

  if (suggestions.length === 0) return null;
  suggestions.sort((a, b) => b.confidence - a.confidence);
  const [best, ...alternatives] = suggestions as [PickSuggestion, ...PickSuggestion[]];
  return { ...best, text: elementValue(element), alternatives };
}

/**
 * For picking a list (stakeholders, activities): the table or list around the clicked element,
 * located like a field (the heading before it, a stable attribute, …), with the header texts so the
 * editor can offer its columns.
 */
export function robustRegionLocator(element: Element, root: ParentNode): (PickResult & { headers: string[] }) | null {
  const region = element.closest('table, [role="grid"], [role="table"], ul, ol') ?? element;
  const index = buildLabelIndex(root);
  const suggestions: PickSuggestion[] = [];
  // The heading just before the list (or before a wrapper holding only the list).
  for (let node: Element | null = region, level = 0; node && level < 4 && (node as unknown) !== root; node = node.parentElement, level++) {
    const prev = node.previousElementSibling;
    if (prev) {
      const text = cleanText(prev.textContent ?? '');
      if (text && text.length <= 80) {
        const locator: DomLocator = { by: 'label', text };
        const found = locateElement(root, locator, index);
        if (found.ok && (found.element === node || found.element.contains(region))) suggestions.push({ locator, confidence: 0.85, why: `the heading "${text}" before the list` });
      }
      break;
    }
  }
  const picked = robustLocator(region, root);
  if (picked) {
    for (const s of [picked, ...picked.alternatives]) if (s.locator.by !== 'label') suggestions.push({ locator: s.locator, confidence: s.confidence, why: s.why });
  }
  if (suggestions.length === 0) return null;
  suggestions.sort((a, b) => b.confidence - a.confidence);
  const [best, ...alternatives] = suggestions as [PickSuggestion, ...PickSuggestion[]];
  const headRow = region.querySelector('thead tr') ?? region.querySelector('[role="row"]');
  const headers = headRow ? Array.from(headRow.children).map((c) => cleanText(c.textContent ?? '')).filter((t) => t !== '') : [];
  return { ...best, text: '', alternatives, headers };
}
