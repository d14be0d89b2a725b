/**
 * Admin policy (DESIGN §9): what an administrator fixes for the whole team through the browser's
 * managed storage (`storage.managed`, schema in public/managed-schema.json; Chrome reads it from
 * enterprise policy, e.g. /etc/chromium/policies/managed/*.json → `3rdparty.extensions.<id>`).
 *
 * Managed storage is as untrusted as any other input: each key is parsed on its own, so one bad
 * value (a typo in one threshold) is ignored without throwing away the rest of the policy.
 * No managed storage (Firefox without a policy, an unmanaged browser): an empty policy.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { PlaybookId, Thresholds, type Settings } from '../model';
import { answerWithin } from './late-answer';

/** A CRM adapter id: a built-in one (`salesforce`, `dynamics`, `hubspot`, `pipedrive`, `tryton`, `demo`), `custom` or `custom:<id>`. */
const CrmId = z.string().regex(/^[a-z][a-z0-9_-]{0,39}(:[A-Za-z0-9_-]{1,64})?$/);

/** `https://crm.example.com` or `http://tryton.lan:8000` (an origin: no path, no credentials), normalised. */
const CrmOrigin = z.string().transform((value, ctx) => {
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    ctx.addIssue({ code: 'custom', message: 'an origin such as https://crm.example.com or http://tryton.lan:8000' });
    return z.NEVER;
  }
  return url.origin;
});

/**
 * A CRM on its own domain: the origin and the built-in CRM that runs there. Which CRMs may run on
 * a custom origin is the custom-origins code's decision (lib/crm/hosts.ts CUSTOM_ORIGIN_CRMS), as for
 * a domain the person adds in options.
 */
export const CustomDomain = z.object({ origin: CrmOrigin, crm: CrmId });
export type CustomDomain = z.infer<typeof CustomDomain>;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const MAX_PROFILE_JSON = 1_000_000;

/**
 * One entry of `customCrms`: a profile object, or — what Chrome can deliver — JSON text of a profile,
 * of a list of them or of the options page's export. Chrome keeps only the object fields a managed
 * schema declares and cannot declare a free-form object, so on Chrome profiles travel as text.
 */
const CustomCrmEntry = z.unknown().transform((value, ctx): Record<string, unknown>[] => {
  let data: unknown = value;
  if (typeof value === 'string') {
    try {
      data = value.length <= MAX_PROFILE_JSON ? (JSON.parse(value) as unknown) : undefined;
    } catch {
      data = undefined;
    }
  }
  if (isObject(data) && Array.isArray(data.profiles)) data = data.profiles;
  const profiles = Array.isArray(data) ? data : [data];
  if (profiles.length === 0 || !profiles.every(isObject)) {
    ctx.addIssue({ code: 'custom', message: 'expected a custom CRM profile (an object, or its JSON text)' });
    return z.NEVER;
  }
  return profiles;
});

export interface Policy {
  playbook?: PlaybookId;
  thresholds?: Partial<Thresholds>;
  /** Only these CRMs are coached; absent: every CRM. */
  enabledCrms?: string[];
  customCrmDomains?: CustomDomain[];
  /** Custom CRM profiles, raw objects (JSON text already read): lib/crm/custom/profile.ts parses them as it does the person's own. */
  customCrms?: Record<string, unknown>[];
  disableCsvImport?: boolean;
}

export interface ParsedPolicy {
  policy: Policy;
  /** What was ignored and why, e.g. `thresholds.pushCount: Too big: expected number to be <=20`. */
  ignored: string[];
}

export const EMPTY_POLICY: Policy = Object.freeze({});

const why = (error: z.ZodError): string => error.issues[0]?.message ?? 'invalid';

/** Keep the valid entries of a list; each bad entry is reported and dropped. */
function parseList<T>(key: string, raw: unknown, item: z.ZodType<T>, ignored: string[]): T[] | undefined {
  if (!Array.isArray(raw)) {
    ignored.push(`${key}: expected a list`);
    return undefined;
  }
  const out: T[] = [];
  raw.forEach((entry, i) => {
    const parsed = item.safeParse(entry);
    if (parsed.success) out.push(parsed.data);
    else ignored.push(`${key}[${i}]: ${why(parsed.error)}`);
  });
  return out;
}

/** Parse managed storage one key (and one threshold, one list entry) at a time. */
export function parsePolicy(raw: unknown): ParsedPolicy {
  const ignored: string[] = [];
  const policy: Policy = {};
  if (!isObject(raw)) return { policy, ignored: raw === undefined || raw === null ? [] : ['policy: expected an object'] };

  for (const [key, value] of Object.entries(raw)) {
    switch (key) {
      case 'playbook': {
        const parsed = PlaybookId.safeParse(value);
        if (parsed.success) policy.playbook = parsed.data;
        else ignored.push(`playbook: ${why(parsed.error)}`);
        break;
      }
      case 'thresholds': {
        if (!isObject(value)) {
          ignored.push('thresholds: expected an object');
          break;
        }
        const thresholds: Partial<Record<keyof Thresholds, number>> = {};
        for (const [name, v] of Object.entries(value)) {
          const field = Object.hasOwn(Thresholds.shape, name) ? Thresholds.shape[name as keyof Thresholds] : undefined;
          // `.default()` would turn a missing value into a number: a threshold the admin did not set stays the person's.
          const parsed = field ? field.unwrap().safeParse(v) : null;
          if (parsed?.success) thresholds[name as keyof Thresholds] = parsed.data;
          else ignored.push(`thresholds.${name}: ${parsed ? why(parsed.error) : 'unknown threshold'}`);
        }
        if (Object.keys(thresholds).length > 0) policy.thresholds = thresholds;
        break;
      }
      case 'enabledCrms': {
        const list = parseList(key, value, CrmId, ignored);
        if (list) policy.enabledCrms = [...new Set(list)];
        break;
      }
      case 'customCrmDomains': {
        const list = parseList(key, value, CustomDomain, ignored);
        if (list) policy.customCrmDomains = list;
        break;
      }
      case 'customCrms': {
        const list = parseList(key, value, CustomCrmEntry, ignored);
        if (list) policy.customCrms = list.flat();
        break;
      }
      case 'disableCsvImport': {
        if (typeof value === 'boolean') policy.disableCsvImport = value;
        else ignored.push('disableCsvImport: expected true or false');
        break;
      }
      default:
        ignored.push(`${key}: unknown policy`);
    }
  }
  return { policy, ignored };
}

/** The settings in force: the person's, with every value the policy sets taking precedence. */
export function applyPolicy(user: Settings, policy: Policy): Settings {
  return {
    ...user,
    ...(policy.playbook ? { playbookId: policy.playbook } : {}),
    thresholds: { ...user.thresholds, ...policy.thresholds },
  };
}

/** Settings paths fixed by the policy, as the options page names them ("playbookId", "thresholds.pushCount"). */
export function lockedPaths(policy: Policy): string[] {
  return [...(policy.playbook ? ['playbookId'] : []), ...Object.keys(policy.thresholds ?? {}).map((name) => `thresholds.${name}`)];
}

/**
 * What to store when the person saves `next`: their own value wherever the policy decides, so
 * lifting the policy gives them back their settings rather than the administrator's.
 */
export function userPart(next: Settings, storedUser: Settings, policy: Policy): Settings {
  const thresholds = { ...next.thresholds };
  for (const name of Object.keys(policy.thresholds ?? {}) as (keyof Thresholds)[]) thresholds[name] = storedUser.thresholds[name];
  return { ...next, playbookId: policy.playbook ? storedUser.playbookId : next.playbookId, thresholds };
}

/**
 * Whether Deal Coach may run on a CRM (adapter id). No list: all. Custom CRMs (`custom:<id>`) are
 * enabled by `custom` (all of them) or their own id; profiles the policy itself pushes always are.
 */
export function isCrmEnabled(policy: Policy, crmId: string): boolean {
  const list = policy.enabledCrms;
  if (!list) return true;
  if (list.includes(crmId)) return true;
  if (!crmId.startsWith('custom:')) return false;
  return list.includes('custom') || (policy.customCrms ?? []).some((profile) => `custom:${String(profile.id)}` === crmId);
}

/** What the policy turns off, in words for the options page (locked settings show their own lock). */
const CRM_NAMES: Record<string, string> = { salesforce: 'Salesforce', dynamics: 'Dynamics 365', hubspot: 'HubSpot', pipedrive: 'Pipedrive', tryton: 'Tryton', demo: 'the demo CRM', custom: 'custom CRMs' };

/** A CRM id of `enabledCrms` in words (without loading every adapter into the options page). */
export function crmName(id: string): string {
  return CRM_NAMES[id] ?? (id.startsWith('custom:') ? `the custom CRM "${id.slice('custom:'.length)}"` : id);
}

export function policyNotices(policy: Policy, crmLabel: (id: string) => string = crmName): string[] {
  const notices: string[] = [];
  if (policy.enabledCrms) {
    const names = policy.enabledCrms.map(crmLabel);
    notices.push(names.length > 0 ? `Your administrator turned Deal Coach on only for ${names.join(', ')}.` : 'Your administrator turned Deal Coach off for every CRM.');
  }
  if (policy.disableCsvImport) notices.push('Importing CSV reports into the review is disabled by your administrator.');
  return notices;
}

// --- Reading managed storage -------------------------------------------------------------

let cached: Promise<Policy> | null = null;
let listening = false;
const listeners = new Set<(policy: Policy) => void>();
/** How long a read of managed storage may take before Deal Coach goes on without policy (it applies it when it comes). */
export const POLICY_READ_WAIT_MS = 1500;
/** Bumped by every (re)read, so a late answer of an older read never replaces a newer one. */
let generation = 0;

function parsed(raw: unknown): Policy {
  const { policy, ignored } = parsePolicy(raw);
  if (ignored.length > 0) console.warn(`Deal Coach: admin policy entries ignored: ${ignored.join('; ')}`);
  return policy;
}

function readManaged(): Promise<unknown> {
  try {
    // Absent (Firefox, older browsers) or no schema/policy: rejects or returns {}.
    return Promise.resolve(browser.storage?.managed?.get());
  } catch {
    return Promise.resolve(undefined);
  }
}

/** While managed storage does not answer, ask again now and then; the first answer is applied and announced. */
const RETRY_MS = 10_000;
const RETRIES = 6;

function load(): Promise<Policy> {
  const mine = ++generation;
  const apply = (raw: unknown) => {
    if (mine !== generation) return;
    generation++; // answered: pending retries of this read stop applying
    const policy = parsed(raw);
    cached = Promise.resolve(policy);
    listeners.forEach((callback) => callback(policy));
  };
  // A read that hangs must not hang coaching: no policy for now, applied (and announced) when it answers.
  return answerWithin(readManaged(), POLICY_READ_WAIT_MS, undefined as unknown, apply, () => {
    console.warn(`Deal Coach: the browser did not give the admin policy within ${POLICY_READ_WAIT_MS} ms; going on without it until it does.`);
    for (let i = 1; i <= RETRIES; i++) setTimeout(() => mine === generation && void readManaged().then(apply, () => undefined), i * RETRY_MS);
  }).then(parsed);
}

function listen(): void {
  if (listening) return;
  listening = true;
  try {
    browser.storage.onChanged.addListener((_changes, area) => {
      if (area !== 'managed') return;
      cached = null;
      void readPolicy().then((policy) => listeners.forEach((callback) => callback(policy)));
    });
  } catch {
    // No storage events (not an extension context): the policy read once stays.
  }
}

/** The policy in force (memoised; re-read when the administrator changes it). */
export function readPolicy(): Promise<Policy> {
  listen();
  cached ??= load();
  return cached;
}

/** Called with the new policy whenever the administrator changes it; returns an unsubscribe. */
export function watchPolicy(callback: (policy: Policy) => void): () => void {
  listen();
  listeners.add(callback);
  return () => listeners.delete(callback);
}
