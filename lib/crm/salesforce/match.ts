/**
 * Salesforce Lightning record pages and the org's API host.
 *
 * Hosts (Salesforce Help "My Domain URL formats" / "Partitioned domains"; OrgDomainLog.DomainPartition):
 *   production       acme.lightning.force.com                  -> acme.my.salesforce.com
 *   sandbox          acme--uat.sandbox.lightning.force.com     -> acme--uat.sandbox.my.salesforce.com
 *   partitioned      acme.{develop|scratch|trailblaze|demo|patch|free}.lightning.force.com
 *                                                              -> acme.{same}.my.salesforce.com
 * Not matched, on purpose:
 *   - `*.lightning.force.com.mcas.ms` (and other Defender for Cloud Apps suffixes): the session runs
 *     through Microsoft's reverse proxy, whose cookies are not the org's `sid`; we cannot read the API there.
 *   - Government Cloud (`*.lightning.crmforce.mil`) and China (`sfcrmproducts.cn`) hosts: not supported yet.
 *   - Classic (`/006…` on my.salesforce.com): no sidebar on Classic pages.
 *
 * Paths: `/lightning/r/Opportunity/{id}/view` (the object name in any letter case) and the object-less
 * `/lightning/r/{id}/view`, accepted only when the id has the Opportunity key prefix 006. In Console
 * apps the path is the focused subtab and `?ws=` names the workspace tab; only the path counts, so an
 * Account subtab inside an Opportunity workspace is not taken for the Opportunity.
 */
import type { RecordRef } from '../../model';

export const CRM_ID = 'salesforce';

const PARTITIONS = new Set(['sandbox', 'develop', 'scratch', 'trailblaze', 'demo', 'patch', 'free']);
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/;
const RECORD_PATH = /^\/lightning\/r\/(?:([A-Za-z]+)\/)?([A-Za-z0-9]{15}|[A-Za-z0-9]{18})\/view\/?$/;
/** Key prefix of the Opportunity object. */
export const OPPORTUNITY_PREFIX = '006';

interface OrgHost {
  myDomain: string;
  partition: string | null;
}

function parseOrgHost(host: string, suffix: 'lightning.force.com' | 'my.salesforce.com'): OrgHost | null {
  const h = host.toLowerCase();
  if (!h.endsWith(`.${suffix}`)) return null;
  const parts = h.slice(0, -(suffix.length + 1)).split('.');
  if (parts.length === 1 && LABEL.test(parts[0]!)) return { myDomain: parts[0]!, partition: null };
  if (parts.length === 2 && LABEL.test(parts[0]!) && PARTITIONS.has(parts[1]!)) {
    // Enhanced-domain sandboxes always carry `--SandboxName`; the sandbox partition never appears without it.
    if ((parts[1] === 'sandbox') !== parts[0]!.includes('--')) return null;
    return { myDomain: parts[0]!, partition: parts[1]! };
  }
  return null;
}

/** `acme.lightning.force.com` -> `acme.my.salesforce.com`; null for any host that is not an org's Lightning host. */
export function apiHostForLightningHost(host: string): string | null {
  const org = parseOrgHost(host, 'lightning.force.com');
  if (!org) return null;
  return `${org.myDomain}${org.partition ? `.${org.partition}` : ''}.my.salesforce.com`;
}

/** Whether a host is an org's My Domain API host (`*.my.salesforce.com`, with the same partitions). */
export function isSalesforceApiHost(host: string): boolean {
  return parseOrgHost(host, 'my.salesforce.com') !== null;
}

/** The 18-character, case-insensitive form of a Salesforce id (the 15-character form plus its checksum). */
export function toId18(id: string): string {
  if (id.length !== 15) return id;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let flags = 0;
    for (let i = 0; i < 5; i++) {
      const c = id.charAt(chunk * 5 + i);
      if (c >= 'A' && c <= 'Z') flags |= 1 << i;
    }
    suffix += alphabet.charAt(flags);
  }
  return id + suffix;
}

export function matchSalesforce(url: string): RecordRef | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' || u.port !== '' || u.username !== '' || u.password !== '') return null;
  const instance = apiHostForLightningHost(u.hostname);
  if (!instance) return null;
  const m = RECORD_PATH.exec(u.pathname);
  if (!m) return null;
  const [, object, rawId] = m;
  if (object !== undefined && object.toLowerCase() !== 'opportunity') return null;
  if (!rawId!.startsWith(OPPORTUNITY_PREFIX)) return null;
  return { crm: CRM_ID, instance, id: toId18(rawId!), url };
}

/*
Test URLs:
https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdEAAV/view
https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdE/view?ws=%2Flightning%2Fr%2FAccount%2F0015g00000XyZabAAA%2Fview
https://acme--uat.sandbox.lightning.force.com/lightning/r/0065g00000AbCdEAAV/view
https://acme.develop.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdEAAV/view
*/
