/**
 * The CRM hosts Deal Coach runs on and reads from, in one place: the manifest's host permissions
 * (wxt.config.ts) and the content script's `matches` both come from here, so they cannot drift.
 */
export const CRM_PAGE_HOSTS = [
  // Demo CRM (loopback).
  'http://127.0.0.1/*',
  'http://localhost/*',
  // Salesforce Lightning: <mydomain>[.<partition>].lightning.force.com (production, sandbox, develop, scratch, …).
  'https://*.lightning.force.com/*',
  // HubSpot app (US and EU data centres).
  'https://app.hubspot.com/*',
  'https://app-eu1.hubspot.com/*',
  // Pipedrive company domains; the API is on the same host.
  'https://*.pipedrive.com/*',
  // Dynamics 365: <org>.crm<N>.dynamics.com. A match pattern cannot say "crm + digits" and Microsoft adds
  // regions (crm, crm2 … crm21 today), so the whole domain; the adapter's matcher accepts only opportunity forms on <org>.crm<N>.
  'https://*.dynamics.com/*',
];
/** API hosts only the background calls: Salesforce REST on the org's My Domain, HubSpot's public API. */
export const CRM_API_HOSTS = ['https://*.my.salesforce.com/*', 'https://api.hubapi.com/*', 'https://api-eu1.hubapi.com/*'];

/*
 * Custom CRM origins (optional host permissions granted at runtime). Pure: the background
 * (lib/platform/content-scripts.ts) and options decide with these; they touch no browser API.
 */

/** A WebExtension match pattern's scheme, host and path; `host` is lower-case, `*` for every host. */
interface HostPattern {
  scheme: string;
  host: string;
  /** `*.example.com`: the host and every subdomain. */
  subdomains: boolean;
  /** null: any port (a pattern without one). */
  port: string | null;
  path: string;
}

function parseHostPattern(pattern: string): HostPattern | null {
  const m = /^(\*|https?):\/\/([^/?#@]+)(\/.*)$/i.exec(pattern);
  if (!m) return null;
  const [, scheme, rawHost, path] = m;
  const withPort = /^(.*):(\d{1,5})$/.exec(rawHost!);
  const hostPart = (withPort ? withPort[1]! : rawHost!).toLowerCase();
  const subdomains = hostPart.startsWith('*.');
  const host = subdomains ? hostPart.slice(2) : hostPart;
  if (host === '' || (host.includes('*') && host !== '*')) return null;
  return { scheme: scheme!.toLowerCase(), host, subdomains, port: withPort ? String(Number(withPort[2])) : null, path: path! };
}

function hostCovers(outer: HostPattern, host: string, subdomains: boolean): boolean {
  if (outer.host === '*') return true;
  if (host === '*') return false;
  if (outer.subdomains) return host === outer.host || host.endsWith(`.${outer.host}`);
  return !subdomains && host === outer.host;
}

/** Whether every URL of match pattern `inner` is also in `outer` (so a script on `outer` already runs there). */
export function patternCovers(outer: string, inner: string): boolean {
  const o = parseHostPattern(outer);
  const i = parseHostPattern(inner);
  if (!o || !i) return false;
  if (o.scheme !== '*' && o.scheme !== i.scheme) return false;
  if (!hostCovers(o, i.host, i.subdomains)) return false;
  if (o.port !== null && o.port !== i.port) return false;
  return o.path === '/*' || o.path === i.path;
}

/** `<all_urls>`, `https://*\/*` and the like: a pattern over every site is never a CRM. */
function isEverySite(pattern: string): boolean {
  const p = parseHostPattern(pattern);
  return p === null || p.host === '*';
}

/**
 * The granted host permissions whose pages need the content script registered at runtime: every
 * granted page pattern that the manifest's content script (CRM_PAGE_HOSTS) does not already cover,
 * minus the API hosts (no pages there) and any pattern over every site. Sorted, without duplicates,
 * so an unchanged set compares equal. Whether a page there is a CRM record is decided later, per URL.
 */
export function runtimePagePatterns(granted: readonly string[]): string[] {
  const wanted = new Set<string>();
  for (const pattern of granted) {
    if (isEverySite(pattern)) continue;
    if ([...CRM_PAGE_HOSTS, ...CRM_API_HOSTS].some((fixed) => patternCovers(fixed, pattern))) continue;
    wanted.add(pattern);
  }
  return [...wanted].sort();
}

/** Whether a page origin (`http://crm.lan:8000`) is inside a match pattern. */
export function originInPattern(origin: string, pattern: string): boolean {
  let u: URL;
  try {
    u = new URL(origin);
  } catch {
    return false;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
  const port = u.port || (u.protocol === 'https:' ? '443' : '80');
  return patternCovers(pattern, `${u.protocol}//${u.hostname}:${port}/*`) || patternCovers(pattern, `${u.protocol}//${u.hostname}/*`);
}

/** 127.0.0.1 / localhost: where a self-hosted CRM (Tryton) is recognised without being named in options (development, CI). */
export function isLoopbackOrigin(origin: string): boolean {
  try {
    const host = new URL(origin).hostname;
    return host === '127.0.0.1' || host === 'localhost';
  } catch {
    return false;
  }
}

const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * What the person typed as their CRM's address (`http://crm.lan:8000`, `crm.example.com`, a record
 * URL) → the page origin to remember and the host permission to ask for (a permission has no port,
 * so it covers the host on every port). No scheme means https. Refused with a reason: other schemes,
 * user names in the URL, hosts that are not host names, and hosts Deal Coach already covers.
 */
export function customServerOf(input: string): { origin: string; permission: string } | { error: string } {
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return { error: 'Enter the address you open your CRM at, e.g. http://crm.example.lan:8000.' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { error: 'Only http:// and https:// addresses are possible.' };
  if (url.username || url.password) return { error: 'Leave the user name and password out of the address.' };
  const host = url.hostname.toLowerCase();
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(host) && !host.split('.').every((label) => HOST_LABEL.test(label))) return { error: `"${url.hostname}" is not a host name.` };
  const permission = `${url.protocol}//${host}/*`;
  if ([...CRM_PAGE_HOSTS, ...CRM_API_HOSTS].some((fixed) => patternCovers(fixed, permission))) return { error: `Deal Coach already works on ${host}; there is nothing to add.` };
  return { origin: url.origin, permission };
}

/**
 * Built-in CRMs a person may name for a custom domain in options. Only Tryton: it is self-hosted on
 * any host. Salesforce Lightning, HubSpot and Pipedrive serve record pages only on their own domains
 * (above), and on-premises Dynamics 365 answers Web API v9.0/v9.1, not the v9.2 the adapter reads.
 * Any other CRM is a custom CRM profile.
 */
export const CUSTOM_ORIGIN_CRMS: ReadonlyArray<{ id: string; label: string; example: string }> = [{ id: 'tryton', label: 'Tryton', example: 'http://tryton.example.lan:8000' }];
