/**
 * The origin an adapter's requests go to, from `ref.instance`: the host part of the instance
 * (Salesforce `acme.my.salesforce.com`, Dynamics `org.crm4.dynamics.com`, Pipedrive
 * `acme.pipedrive.com`, HubSpot `api.hubapi.com/<portal>` -> `api.hubapi.com`). For Salesforce and
 * HubSpot this is not the page's origin, so the background must pin its io to this one.
 */
export function apiOriginOf(instance: string): string {
  return `https://${instance.split('/')[0]!.toLowerCase()}`;
}
