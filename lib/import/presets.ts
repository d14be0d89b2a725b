/**
 * Export formats Deal Coach reads without asking: their column names, stage names and conventions.
 * Plain data; lib/import/mapping.ts turns one into a ColumnMapping for a given header.
 */
import type { StageCategory } from '../model';
import type { DealField } from './mapping';
import type { DateFormat, DecimalMark, ProbabilityScale } from './values';

export type PresetId = 'maven' | 'salesforce-opportunity-report' | 'hubspot-deals-export';

type Field = DealField;

export interface PresetDefinition {
  id: PresetId;
  label: string;
  /** Header names that must all be present for the preset to be detected (compared loosely). */
  requires: string[];
  /** Field → header names the vendor uses for it, most usual first. */
  columns: Partial<Record<Field, string[]>>;
  stages: Record<string, { category: StageCategory; order: number | null }>;
  dateFormat: DateFormat;
  decimal: DecimalMark;
  probabilityScale: ProbabilityScale;
  defaultCurrency: string | null;
}

const open = (order: number) => ({ category: 'open' as const, order });

export const PRESETS: readonly PresetDefinition[] = [
  {
    // Maven Analytics CRM practice dataset, sales_pipeline.csv (see /work/shared/datasets/maven-crm/SOURCE.md).
    id: 'maven',
    label: 'Maven CRM sales_pipeline.csv',
    requires: ['opportunity_id', 'sales_agent', 'deal_stage', 'close_value'],
    columns: {
      id: ['opportunity_id'],
      owner: ['sales_agent'],
      product: ['product'],
      account: ['account'],
      stage: ['deal_stage'],
      createdAt: ['engage_date'],
      closeDate: ['close_date'],
      amount: ['close_value'],
    },
    stages: {
      Prospecting: open(0),
      Engaging: open(1),
      Won: { category: 'won', order: 2 },
      Lost: { category: 'lost', order: 2 },
    },
    dateFormat: 'M/D/YYYY',
    decimal: '.',
    probabilityScale: 'percent',
    // The dataset does not say which currency its values are in.
    defaultCurrency: null,
  },
  {
    // Salesforce report of type "Opportunities", exported as CSV ("Export > Details only").
    id: 'salesforce-opportunity-report',
    label: 'Salesforce Opportunities report',
    requires: ['Opportunity Name', 'Stage'],
    columns: {
      id: ['Opportunity ID', 'Opportunity ID (18)', 'Opportunity ID 18'],
      name: ['Opportunity Name'],
      owner: ['Opportunity Owner', 'Owner Name', 'Owner'],
      account: ['Account Name', 'Account'],
      stage: ['Stage'],
      amount: ['Amount', 'Amount (converted)'],
      currency: ['Amount Currency', 'Opportunity Currency', 'Currency'],
      createdAt: ['Created Date'],
      closeDate: ['Close Date'],
      product: ['Product Name', 'Product'],
      nextStep: ['Next Step'],
      probability: ['Probability (%)', 'Probability'],
      team: ['Owner Role', 'Opportunity Owner Role'],
      forecastCategory: ['Forecast Category'],
      dealType: ['Type'],
      won: ['Won'],
      closed: ['Closed'],
    },
    // The standard StageName picklist; orgs add their own, which the Won / Closed columns then classify.
    stages: {
      Prospecting: open(0),
      Qualification: open(1),
      'Needs Analysis': open(2),
      'Value Proposition': open(3),
      'Id. Decision Makers': open(4),
      'Perception Analysis': open(5),
      'Proposal/Price Quote': open(6),
      'Negotiation/Review': open(7),
      'Closed Won': { category: 'won', order: 8 },
      'Closed Lost': { category: 'lost', order: 8 },
    },
    dateFormat: 'M/D/YYYY',
    decimal: '.',
    probabilityScale: 'percent',
    defaultCurrency: null,
  },
  {
    // HubSpot CRM deals index page, "Export view" to CSV (property labels as column names).
    id: 'hubspot-deals-export',
    label: 'HubSpot deals export',
    requires: ['Deal Name', 'Deal Stage'],
    columns: {
      id: ['Record ID', 'Deal ID'],
      name: ['Deal Name'],
      owner: ['Deal owner', 'Deal Owner'],
      account: ['Associated Company', 'Associated Company (Primary)', 'Company name'],
      stage: ['Deal Stage'],
      amount: ['Amount', 'Amount in company currency'],
      currency: ['Currency', 'Deal currency code'],
      createdAt: ['Create Date'],
      closeDate: ['Close Date'],
      product: ['Product', 'Products'],
      nextStep: ['Next step', 'Next Step'],
      probability: ['Deal probability', 'Deal Probability'],
      team: ['HubSpot Team'],
      forecastCategory: ['Forecast category', 'Forecast Category'],
      dealType: ['Deal Type'],
      won: ['Is Closed Won'],
      closed: ['Is Deal Closed?', 'Is Closed'],
    },
    // The default "Sales Pipeline" stages, by label and by internal value.
    stages: {
      'Appointment Scheduled': open(0),
      'Qualified To Buy': open(1),
      'Presentation Scheduled': open(2),
      'Decision Maker Bought-In': open(3),
      'Contract Sent': open(4),
      'Closed Won': { category: 'won', order: 5 },
      'Closed Lost': { category: 'lost', order: 5 },
      appointmentscheduled: open(0),
      qualifiedtobuy: open(1),
      presentationscheduled: open(2),
      decisionmakerboughtin: open(3),
      contractsent: open(4),
      closedwon: { category: 'won', order: 5 },
      closedlost: { category: 'lost', order: 5 },
    },
    dateFormat: 'YYYY-MM-DD',
    decimal: '.',
    probabilityScale: 'fraction',
    defaultCurrency: null,
  },
];
