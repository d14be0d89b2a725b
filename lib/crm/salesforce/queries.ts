/**
 * The Salesforce REST requests, in one place (REST API Developer Guide: Query, sObject Rows, Composite).
 * Read-only: GET subrequests inside one Composite POST, and GET queries. Ids interpolated into SOQL are
 * validated by regex first, so no quoting problem can arise.
 */
export const API_VERSION = 'v62.0';
export const DATA = `/services/data/${API_VERSION}`;

const SF_ID = /^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/;

export function isSalesforceId(value: string): boolean {
  return SF_ID.test(value);
}

export function queryPath(soql: string): string {
  return `${DATA}/query/?q=${encodeURIComponent(soql)}`;
}

/** Composite subrequests of one record view; five queries is the Composite limit for query operations. */
export interface Subrequest {
  method: 'GET';
  url: string;
  referenceId: 'opp' | 'names' | 'roles' | 'history' | 'tasks' | 'events';
}

export function recordViewSubrequests(id: string): Subrequest[] {
  if (!isSalesforceId(id)) throw new Error(`not a Salesforce id: ${id}`);
  return [
    // All fields the user may read, custom ones included (Budget_Confirmed__c …), without naming them:
    // sObject Rows returns every accessible field, which FIELDS(ALL) would only do with LIMIT 200.
    { method: 'GET', referenceId: 'opp', url: `${DATA}/sobjects/Opportunity/${id}` },
    { method: 'GET', referenceId: 'names', url: queryPath(`SELECT Id, Account.Name, Owner.Id, Owner.Name FROM Opportunity WHERE Id = '${id}'`) },
    {
      method: 'GET',
      referenceId: 'roles',
      url: queryPath(`SELECT Id, ContactId, Role, IsPrimary, Contact.Name, Contact.Title FROM OpportunityContactRole WHERE OpportunityId = '${id}' ORDER BY IsPrimary DESC, CreatedDate ASC`),
    },
    {
      method: 'GET',
      referenceId: 'history',
      url: queryPath(`SELECT Id, CreatedDate, StageName, CloseDate FROM OpportunityHistory WHERE OpportunityId = '${id}' ORDER BY CreatedDate ASC`),
    },
    {
      method: 'GET',
      referenceId: 'tasks',
      url: queryPath(`SELECT Id, Subject, TaskSubtype, Type, Status, IsClosed, ActivityDate, CompletedDateTime, CreatedDate, WhoId FROM Task WHERE WhatId = '${id}' ORDER BY CreatedDate ASC`),
    },
    {
      method: 'GET',
      referenceId: 'events',
      url: queryPath(`SELECT Id, Subject, EventSubtype, StartDateTime, EndDateTime, ActivityDate, IsAllDayEvent, WhoId FROM Event WHERE WhatId = '${id}' ORDER BY StartDateTime ASC`),
    },
  ];
}

export const HISTORY_FIELDS = [
  'Id',
  'Name',
  'Account.Name',
  'OwnerId',
  'Owner.Name',
  'Amount',
  'StageName',
  'IsClosed',
  'IsWon',
  'Probability',
  'ForecastCategoryName',
  'NextStep',
  'Type',
  'CreatedDate',
  'CloseDate',
] as const;

/**
 * Closed and open deals of some owners, each with its stage history (OpportunityHistory, always kept by
 * Salesforce) as a parent-child subquery. `withCurrency` adds CurrencyIsoCode, which exists only in
 * multi-currency orgs.
 */
export function historySoql(ownerIds: readonly string[], since: string | null, withCurrency: boolean): string {
  for (const id of ownerIds) if (!isSalesforceId(id)) throw new Error(`not a Salesforce id: ${id}`);
  const fields = [...HISTORY_FIELDS, ...(withCurrency ? ['CurrencyIsoCode'] : [])].join(', ');
  const where: string[] = [];
  if (ownerIds.length) where.push(`OwnerId IN (${ownerIds.map((id) => `'${id}'`).join(', ')})`);
  if (since) where.push(`(CreatedDate >= ${since}T00:00:00Z OR CloseDate >= ${since})`);
  return (
    `SELECT ${fields}, (SELECT CreatedDate, StageName, CloseDate FROM OpportunityHistories ORDER BY CreatedDate ASC) ` +
    `FROM Opportunity${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY CreatedDate ASC`
  );
}

export function reportsSoql(managerId: string): string {
  if (!isSalesforceId(managerId)) throw new Error(`not a Salesforce id: ${managerId}`);
  return `SELECT Id FROM User WHERE ManagerId = '${managerId}' AND IsActive = true`;
}
