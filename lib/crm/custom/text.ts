/**
 * Text helpers for reading CRM pages: label comparison that ignores case, spacing, no-break spaces
 * and trailing colons or required-field stars, and CSS escaping (no `CSS.escape` in Node or in
 * a service worker). Zod-free: runs in the content script.
 */

/** Whitespace of any kind, including no-break (U+00A0), narrow no-break (U+202F) and zero-width spaces. */
const SPACES = /(?:\s|\u200b|\u200c|\u200d|\u2060|\ufeff)+/g;

/** Value text as shown: runs of whitespace (no-break spaces too) become one space, trimmed. */
export function cleanText(text: string): string {
  return text.replace(SPACES, ' ').trim();
}

/**
 * A label as compared: `Close Date:`, `close\u00a0date`, `* Close date` and `Close date *` all give
 * `close date`. Full-width colons (`：`) count as colons.
 */
export function labelKey(text: string): string {
  return cleanText(text.normalize('NFKC'))
    .toLowerCase()
    .replace(/^[*\s:]+|[*\s:]+$/g, '')
    .replace(/\s+/g, ' ');
}

/** Escape a value for a double-quoted CSS attribute selector. */
export function cssString(value: string): string {
  return value.replace(/["\\]/g, '\\$&').replace(/\n/g, '\\a ').replace(/\r/g, '\\d ');
}

/** `CSS.escape` for identifiers (ids, class names), after the CSSOM algorithm. */
export function cssIdent(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value.charAt(i);
    const code = value.charCodeAt(i);
    if (code === 0) out += '\ufffd';
    else if ((code >= 0x1 && code <= 0x1f) || code === 0x7f || (i === 0 && code >= 0x30 && code <= 0x39) || (i === 1 && code >= 0x30 && code <= 0x39 && value.charCodeAt(0) === 0x2d)) {
      out += `\\${code.toString(16)} `;
    } else if (i === 0 && ch === '-' && value.length === 1) out += '\\-';
    else if (code >= 0x80 || ch === '-' || ch === '_' || /[0-9A-Za-z]/.test(ch)) out += ch;
    else out += `\\${ch}`;
  }
  return out;
}

/** Whether a string contains a C0 control character or DEL (never part of a label, selector or URL an admin typed). */
export function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
