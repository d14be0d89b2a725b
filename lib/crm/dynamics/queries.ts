/**
 * Dataverse Web API requests (v9.2), same-origin from the Dynamics page so its own session applies.
 * Read-only GETs (a function call for the audit history is a GET too).
 */
export const API = '/api/data/v9.2';

/** FormattedValue gives option-set labels, lookup names and money text; lookuplogicalname tells a lookup's table. */
export const ANNOTATIONS = 'odata.include-annotations="*"';
export const PAGE_SIZE = 500;

export function headers(collection: boolean): Record<string, string> {
  return {
    Accept: 'application/json',
    'OData-MaxVersion': '4.0',
    'OData-Version': '4.0',
    Prefer: collection ? `odata.maxpagesize=${PAGE_SIZE},${ANNOTATIONS}` : ANNOTATIONS,
  };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function assertGuid(id: string): string {
  if (!GUID.test(id)) throw new Error(`not a GUID: ${id}`);
  return id;
}

function qs(params: Record<string, string>): string {
  return Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
}

/**
 * The whole opportunity row: no $select, so every column the user may read comes back, custom ones
 * included (new_budgetconfirmed …), next to the built-in qualification columns (budgetstatus,
 * decisionmaker, purchasetimeframe, customerneed, identifycompetitors, …).
 */
export function opportunityPath(id: string): string {
  return `${API}/opportunities(${assertGuid(id)})?${qs({ $expand: 'transactioncurrencyid($select=isocurrencycode)' })}`;
}

/** People connected to the opportunity (the form's Stakeholders grid uses connections with a role). */
export function connectionsPath(id: string): string {
  return `${API}/connections?${qs({
    $select: 'connectionid,_record2id_value,_record2roleid_value,record2objecttypecode,createdon',
    $filter: `_record1id_value eq ${assertGuid(id)} and statecode eq 0`,
    $expand: 'record2id_contact($select=contactid,fullname,jobtitle)',
    $orderby: 'createdon asc',
  })}`;
}

export function activitiesPath(id: string): string {
  return `${API}/activitypointers?${qs({
    $select: 'activityid,activitytypecode,subject,statecode,scheduledstart,scheduledend,actualend,createdon',
    $filter: `_regardingobjectid_value eq ${assertGuid(id)}`,
    $expand: 'activitypointer_activity_parties($select=_partyid_value,participationtypemask)',
    $orderby: 'createdon asc',
  })}`;
}

/** Audit history of the record; fails (403) without the View Audit History privilege. */
export function auditPath(id: string): string {
  return `${API}/RetrieveRecordChangeHistory(Target=@target)?@target=${encodeURIComponent(`{'@odata.id':'opportunities(${assertGuid(id)})'}`)}`;
}

export const HISTORY_SELECT =
  'opportunityid,name,estimatedvalue,actualvalue,estimatedclosedate,actualclosedate,statecode,statuscode,stepname,salesstage,closeprobability,createdon,_ownerid_value,_parentaccountid_value,_customerid_value';

export function historyPath(ownerIds: readonly string[], since: string | null): string {
  const filters: string[] = [];
  if (ownerIds.length) filters.push(`(${ownerIds.map((o) => `_ownerid_value eq ${assertGuid(o)}`).join(' or ')})`);
  if (since) filters.push(`(statecode eq 0 or createdon ge ${since}T00:00:00Z or actualclosedate ge ${since})`);
  return `${API}/opportunities?${qs({
    $select: HISTORY_SELECT,
    $expand: 'transactioncurrencyid($select=isocurrencycode)',
    ...(filters.length ? { $filter: filters.join(' and ') } : {}),
    $orderby: 'createdon asc',
  })}`;
}

export const WHO_AM_I = `${API}/WhoAmI`;

export function userPath(id: string): string {
  return `${API}/systemusers(${assertGuid(id)})?${qs({ $select: 'systemuserid,fullname' })}`;
}

export function reportsPath(id: string): string {
  return `${API}/systemusers?${qs({ $select: 'systemuserid', $filter: `_parentsystemuserid_value eq ${assertGuid(id)} and isdisabled eq false` })}`;
}
