/**
 * Recognising a custom CRM's record pages from the URL alone (no DOM, no zod: the content script
 * uses it). A profile says where the CRM lives (`urlPattern`, a WebExtension match pattern, which is
 * also the optional host permission asked for) and how a record URL carries its id (`recordUrl`).
 *
 *   path-segment  `/deals/:id`, `/app/*\/opportunity/:id/view`, `/deal-:id`   (`*` = one segment)
 *   query         `?id=…`, optionally only under a path prefix (`/main.aspx`)
 *   hash          `#/opportunity/:id` (SPA routes; `;…` and `?…` after the route are ignored), or a
 *                 parameter inside the hash (`#view=deal&id=42`, `#/deals?id=42`)
 */
import type { RecordRef } from '../../model';
import { CUSTOM_CRM_ID_PREFIX } from './fields';
import { hasControlCharacter } from './text';

export type RecordUrlRule =
  | { kind: 'path-segment'; pattern: string }
  | { kind: 'query'; param: string; pathPrefix?: string | undefined }
  | { kind: 'hash'; pattern?: string | undefined; param?: string | undefined };

/** What matching needs of a profile (the zod type in profile.ts satisfies it). */
export interface MatchableProfile {
  id: string;
  urlPattern: string;
  recordUrl: RecordUrlRule;
}

export interface MatchPattern {
  /** `http`, `https` or `*` (either). */
  scheme: string;
  /** Lower-case host without `*.`. */
  host: string;
  /** `*.example.com`: the host and any subdomain. */
  subdomains: boolean;
  /** null: any port. */
  port: string | null;
  /** Glob over path + query, `*` = any characters. */
  path: string;
}

const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * Parse a match pattern as a profile may use it: `https://crm.example.com/*`, `*://*.example.com/crm/*`,
 * `http://10.0.0.5:8000/*`. Refused, with the reason: other schemes (`javascript:`, `file:`, `data:`),
 * `<all_urls>`, a bare `*` host or a wildcard over a public suffix (`*.com`), credentials in the host.
 */
export function parseMatchPattern(pattern: string): MatchPattern | { error: string } {
  const m = /^(\*|https?):\/\/([^/?#]+)(\/[^\s]*)$/i.exec(pattern.trim());
  if (!m) return { error: 'expected a match pattern like https://crm.example.com/* (http or https only)' };
  const scheme = m[1]!.toLowerCase();
  let host = m[2]!.toLowerCase();
  const path = m[3]!;
  if (host.includes('@')) return { error: 'the host must not contain a user name or password' };
  let port: string | null = null;
  const withPort = /^(.*):(\d{1,5})$/.exec(host);
  if (withPort) {
    host = withPort[1]!;
    port = String(Number(withPort[2]));
    if (Number(port) < 1 || Number(port) > 65535) return { error: 'the port must be between 1 and 65535' };
  }
  let subdomains = false;
  if (host.startsWith('*.')) {
    subdomains = true;
    host = host.slice(2);
  }
  if (host === '*' || host === '' || host.includes('*')) return { error: 'name the CRM host: a pattern for every site is not allowed' };
  const labels = host.split('.');
  if (!IPV4.test(host) && !labels.every((label) => HOST_LABEL.test(label))) return { error: `"${host}" is not a host name` };
  if (subdomains && (labels.length < 2 || IPV4.test(host))) return { error: `"*.${host}" covers too many sites: name the CRM's own domain` };
  return { scheme, host, subdomains, port, path };
}

function parseHttpUrl(url: string): URL | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

function glob(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

/** Whether a URL is inside a match pattern (scheme, host, port, path and query). */
export function urlMatchesPattern(url: string | URL, pattern: string | MatchPattern): boolean {
  const p = typeof pattern === 'string' ? parseMatchPattern(pattern) : pattern;
  if ('error' in p) return false;
  const u = typeof url === 'string' ? parseHttpUrl(url) : url;
  if (!u) return false;
  const scheme = u.protocol.slice(0, -1);
  if (p.scheme !== '*' && p.scheme !== scheme) return false;
  if (u.username || u.password) return false;
  const host = u.hostname.toLowerCase();
  if (!(host === p.host || (p.subdomains && host.endsWith(`.${p.host}`)))) return false;
  if (p.port !== null && (u.port || (scheme === 'https' ? '443' : '80')) !== p.port) return false;
  return glob(p.path).test(u.pathname + u.search);
}

/** The optional host permission to request for a profile (ports are not part of host permissions). */
export function hostPermissionFor(profile: Pick<MatchableProfile, 'urlPattern'>): string | null {
  const p = parseMatchPattern(profile.urlPattern);
  if ('error' in p) return null;
  return `${p.scheme}://${p.subdomains ? '*.' : ''}${p.host}/*`;
}

/** A record id as it may appear in a ref: printable, no spaces or markup characters, at most 200 characters. */
function isRecordId(id: string): boolean {
  return id.length >= 1 && id.length <= 200 && !/[\s<>"'`\\/]/.test(id) && !hasControlCharacter(id);
}

function decode(part: string): string | null {
  try {
    const id = decodeURIComponent(part);
    return isRecordId(id) ? id : null;
  } catch {
    return null;
  }
}

/** Segments of a route pattern or path, without empty ones (so a trailing slash does not matter). */
function segments(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

/** Match route segments against a pattern with one `:id` (possibly inside a segment, `deal-:id`) and `*` wildcards. */
function matchRoute(pattern: string, path: string): string | null {
  const want = segments(pattern);
  const have = segments(path);
  if (want.length !== have.length) return null;
  let id: string | null = null;
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const h = have[i]!;
    if (w === '*') continue;
    const at = w.indexOf(':id');
    if (at === -1) {
      if (decodeSafe(h) !== w && h !== w) return null;
      continue;
    }
    const prefix = w.slice(0, at);
    const suffix = w.slice(at + 3);
    if (h.length <= prefix.length + suffix.length || !h.startsWith(prefix) || !h.endsWith(suffix)) return null;
    id = decode(h.slice(prefix.length, h.length - suffix.length));
    if (id === null) return null;
  }
  return id;
}

function decodeSafe(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** `#!/route;params` or `#/route?x=1` → `/route`. */
function hashRoute(hash: string): string {
  return hash.replace(/^#!?/, '').split(/[?;]/, 1)[0] ?? '';
}

function hashParam(hash: string, param: string): string | null {
  const body = hash.replace(/^#!?/, '');
  const q = body.indexOf('?');
  const query = q >= 0 ? body.slice(q + 1) : body.includes('=') ? body : '';
  for (const part of query.split(/[&;]/)) {
    const eq = part.indexOf('=');
    if (eq > 0 && decodeSafe(part.slice(0, eq)) === param) return decode(part.slice(eq + 1).replace(/\+/g, ' '));
  }
  return null;
}

/** The record id a URL carries under a rule, or null. */
export function recordIdOf(u: URL, rule: RecordUrlRule): string | null {
  switch (rule.kind) {
    case 'path-segment':
      return matchRoute(rule.pattern, u.pathname);
    case 'query': {
      if (rule.pathPrefix && !u.pathname.toLowerCase().startsWith(rule.pathPrefix.toLowerCase())) return null;
      const raw = u.searchParams.get(rule.param);
      return raw === null || !isRecordId(raw) ? null : raw;
    }
    case 'hash':
      if (rule.pattern) return matchRoute(rule.pattern.replace(/^#!?/, ''), hashRoute(u.hash));
      if (rule.param) return hashParam(u.hash, rule.param);
      return null;
  }
}

/** A record page of this profile's CRM, or null for any other page. */
export function matchCustomRecord(url: string, profile: MatchableProfile): RecordRef | null {
  const u = parseHttpUrl(url);
  if (!u || !urlMatchesPattern(u, profile.urlPattern)) return null;
  const id = recordIdOf(u, profile.recordUrl);
  if (id === null) return null;
  return { crm: `${CUSTOM_CRM_ID_PREFIX}${profile.id}`, instance: u.host.toLowerCase(), id, url: u.href };
}

/** The first profile whose record pages include this URL. */
export function matchCustomProfile<P extends MatchableProfile>(url: string, profiles: readonly P[]): { profile: P; ref: RecordRef } | null {
  for (const profile of profiles) {
    const ref = matchCustomRecord(url, profile);
    if (ref) return { profile, ref };
  }
  return null;
}

/** Whether a record rule is well formed; the reason when not (used by the schema and the editor). */
export function recordRuleProblem(rule: RecordUrlRule): string | null {
  const oneId = (pattern: string) => pattern.split(':id').length === 2;
  switch (rule.kind) {
    case 'path-segment':
      if (!rule.pattern.startsWith('/')) return 'the record path must start with "/" (like /deals/:id)';
      if (!oneId(rule.pattern)) return 'the record path must contain ":id" exactly once';
      return null;
    case 'query':
      if (rule.pathPrefix !== undefined && !rule.pathPrefix.startsWith('/')) return 'the path prefix must start with "/"';
      return null;
    case 'hash':
      if ((rule.pattern === undefined) === (rule.param === undefined)) return 'give either a hash route (#/opportunity/:id) or a hash parameter name, not both';
      if (rule.pattern !== undefined && !rule.pattern.startsWith('#')) return 'the hash route must start with "#"';
      if (rule.pattern !== undefined && !oneId(rule.pattern)) return 'the hash route must contain ":id" exactly once';
      return null;
  }
}
