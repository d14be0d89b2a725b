import type { IsoDate } from '../../lib/model';
import type { ActivityJson, ContactRoleJson, OpportunityJson } from '../../lib/crm/demo/api';

/** One row of the Maven pipeline, dates already shifted. */
export interface MavenDeal {
  id: string;
  agent: string;
  /** Verbatim: the pipeline spells `GTXPro` where the catalog says `GTX Pro`. */
  product: string;
  account: string | null;
  stage: 'Prospecting' | 'Engaging' | 'Won' | 'Lost';
  engageDate: IsoDate | null;
  closeDate: IsoDate | null;
  closeValue: number | null;
}

export interface Product {
  name: string;
  series: string;
  list_price: number;
}

/** A record as the CRM stores it: the API's full shape, related lists always present. */
export type DemoOpportunity = OpportunityJson & { contact_roles: ContactRoleJson[]; activities: ActivityJson[] };
