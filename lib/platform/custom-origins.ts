/**
 * Custom CRM origins, the pure half (no browser API; lib/platform/content-scripts.ts and
 * custom-origins-storage.ts do the I/O):
 *   - which built-in CRM the person named for an origin (`local:customOrigins`, parsed here),
 *   - which of those count now (their host permission is still granted),
 *   - what to do to the runtime content-script registration so it covers exactly the granted origins.
 */
import { z } from 'zod';
import { CUSTOM_ORIGIN_CRMS, originInPattern, patternCovers } from '../crm/hosts';
import type { CustomOrigins } from '../crm/registry';

const KNOWN_CRMS = new Set(CUSTOM_ORIGIN_CRMS.map((c) => c.id));

/** `http://crm.lan:8000`: scheme, host and port only, exactly as `URL.origin` writes it. */
function isPageOrigin(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const u = new URL(value);
  return (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === value;
}

const Entry = z.object({ crm: z.string(), addedAt: z.string().optional(), managed: z.literal(true).optional() });
/** What `local:customOrigins` holds: origin → the CRM the person said runs there. */
const StoredCustomOrigins = z.record(z.string(), z.unknown());
export type CustomOriginEntry = z.infer<typeof Entry>;

/**
 * The stored mapping, with every entry that is not a page origin naming a CRM of CUSTOM_ORIGIN_CRMS
 * dropped (storage is untrusted: an older version, a hand edit, another extension's bug).
 */
export function parseCustomOrigins(raw: unknown): Map<string, CustomOriginEntry> {
  const out = new Map<string, CustomOriginEntry>();
  const all = StoredCustomOrigins.safeParse(raw);
  if (!all.success) return out;
  for (const [origin, value] of Object.entries(all.data)) {
    const entry = Entry.safeParse(value);
    if (entry.success && isPageOrigin(origin) && KNOWN_CRMS.has(entry.data.crm)) out.set(origin, entry.data);
  }
  return out;
}

/**
 * The person's origins plus the ones admin policy names (`customCrmDomains`); policy wins for an
 * origin both name, and its entries are marked `managed` so options offers no Remove for them.
 * Policy entries go through the same checks as stored ones.
 */
export function withPolicyOrigins(own: ReadonlyMap<string, CustomOriginEntry>, policy: ReadonlyArray<{ origin: string; crm: string }> | undefined): Map<string, CustomOriginEntry> {
  const out = new Map(own);
  const fromPolicy = parseCustomOrigins(Object.fromEntries((policy ?? []).map((d) => [d.origin, { crm: d.crm }])));
  for (const [origin, entry] of fromPolicy) out.set(origin, { ...entry, managed: true });
  return out;
}

/**
 * Optional host access still granted although nothing here uses it (after "Delete all local data",
 * or a grant made from the browser's own extension page): one `scheme://host` per grant, so options
 * can list it and give it back. Grants of the manifest, of a named origin or of a custom CRM
 * profile's host (listed with the profile) are left out, as are wildcard grants.
 */
export function unusedGrants(granted: readonly string[], required: readonly string[], named: Iterable<string>, profileHosts: readonly string[]): string[] {
  const origins = [...named];
  const out: string[] = [];
  for (const pattern of granted) {
    const exact = /^(https?):\/\/([^/*]+)\/\*$/.exec(pattern);
    if (!exact) continue;
    if (required.some((r) => patternCovers(r, pattern)) || profileHosts.includes(pattern)) continue;
    if (origins.some((origin) => originInPattern(origin, pattern))) continue;
    out.push(`${exact[1]}://${exact[2]}`);
  }
  return out;
}

/** The named origins whose host permission is granted: the only ones the background recognises a CRM on. */
export function activeCustomOrigins(named: ReadonlyMap<string, CustomOriginEntry>, granted: readonly string[]): CustomOrigins {
  const out = new Map<string, string>();
  for (const [origin, entry] of named) if (granted.some((pattern) => originInPattern(origin, pattern))) out.set(origin, entry.crm);
  return out;
}

/** The one runtime registration of the content script; its matches are every granted page pattern. */
export const CUSTOM_ORIGINS_SCRIPT_ID = 'deal-coach-crm-custom-origins';

/** What registerContentScripts takes and getRegisteredContentScripts returns, as far as planning needs. */
export interface ScriptRegistration {
  id: string;
  js?: string[];
  css?: string[];
  matches?: string[];
  runAt?: 'document_start' | 'document_end' | 'document_idle';
  persistAcrossSessions?: boolean;
}

/** The manifest's own content script, which the runtime registration repeats file for file. */
export interface ScriptTemplate {
  js: string[];
  css: string[];
  runAt: 'document_start' | 'document_end' | 'document_idle';
}

export type RegistrationStep = { kind: 'none' } | { kind: 'register'; script: ScriptRegistration } | { kind: 'update'; script: ScriptRegistration } | { kind: 'unregister'; id: string };

/** The CRM content script in a built manifest (WXT writes `content-scripts/crm.js`; `css` is loaded by the script itself, 'ui' mode). */
export function scriptTemplate(manifest: { content_scripts?: Array<{ js?: string[]; css?: string[]; run_at?: string }> }): ScriptTemplate | null {
  const entry = manifest.content_scripts?.find((c) => c.js?.some((file) => /(^|\/)crm\.js$/.test(file)));
  if (!entry?.js) return null;
  const runAt = entry.run_at === 'document_start' || entry.run_at === 'document_end' ? entry.run_at : 'document_idle';
  return { js: [...entry.js], css: [...(entry.css ?? [])], runAt };
}

const same = (a: readonly string[] | undefined, b: readonly string[]) => (a ?? []).length === b.length && [...(a ?? [])].sort().every((v, i) => v === [...b].sort()[i]);

/**
 * One step from what is registered to what should be: nothing when it already matches (so running
 * it twice changes nothing), register or update to `wanted` patterns, unregister when none is wanted.
 */
export function planRegistration(registered: readonly ScriptRegistration[], wanted: readonly string[], template: ScriptTemplate): RegistrationStep {
  const current = registered.find((s) => s.id === CUSTOM_ORIGINS_SCRIPT_ID);
  if (wanted.length === 0) return current ? { kind: 'unregister', id: CUSTOM_ORIGINS_SCRIPT_ID } : { kind: 'none' };
  const script: ScriptRegistration = {
    id: CUSTOM_ORIGINS_SCRIPT_ID,
    js: template.js,
    ...(template.css.length ? { css: template.css } : {}),
    matches: [...wanted],
    runAt: template.runAt,
    persistAcrossSessions: true,
  };
  if (!current) return { kind: 'register', script };
  const upToDate =
    same(current.matches, wanted) && same(current.js, template.js) && same(current.css, template.css) && (current.runAt ?? 'document_idle') === template.runAt && current.persistAcrossSessions !== false;
  return upToDate ? { kind: 'none' } : { kind: 'update', script };
}
