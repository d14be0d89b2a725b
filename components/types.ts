/**
 * What the UI components are given. Components render these and call back; they never fetch
 * (DESIGN §2). The entrypoints build these states from background replies.
 */
import type { CrmErrorKind } from '../lib/crm/types';
import type { DealCoachingView } from '../lib/coaching/types';
import type { PersonalSummary } from '../lib/metrics/types';
import type { Settings } from '../lib/model';
import type { CustomCrmsSectionProps } from './custom-crm/CustomCrmsSection';

/** Where the shown data came from and how old it is. */
export interface DataSource {
  /** ISO instant the CRM was last read successfully. */
  fetchedAt: string;
  fromCache: boolean;
  /** Older than its TTL; a refresh is under way or failed. */
  stale: boolean;
}

export type SidebarState =
  | { kind: 'loading'; crmLabel: string }
  | { kind: 'ready'; crmLabel: string; view: DealCoachingView; source: DataSource; /** e.g. "Refresh failed: ... Showing data from 2 h ago." */ notice?: string }
  | {
      kind: 'error';
      crmLabel: string;
      errorKind: CrmErrorKind | 'internal';
      /** Plain words: what could not be read and what to do. */
      message: string;
      cached?: { view: DealCoachingView; source: DataSource };
    };

export interface SidebarProps {
  state: SidebarState;
  collapsed: boolean;
  /** ISO "now", so ages ("2 h ago") render reproducibly. */
  now: string;
  onToggleCollapsed(): void;
  onRefresh(): void;
  onOpenReview?(): void;
  /**
   * Colour theme. 'auto' (default) follows prefers-color-scheme; the content script may pass
   * 'light' or 'dark' to match the host page instead of the OS.
   */
  theme?: 'light' | 'dark' | 'auto';
}

export type PopupState =
  | { kind: 'loading' }
  | { kind: 'no-crm'; message: string }
  | { kind: 'error'; message: string }
  | {
      kind: 'ready';
      crmLabel: string;
      summary: PersonalSummary;
      /** Own open deals with at least one risk finding. */
      riskDeals: number;
      source: DataSource;
      /** ISO currency of the summary's amounts (value win rate, velocity); null/absent: shown without a symbol. */
      currency?: string | null;
    };

export interface PopupProps {
  state: PopupState;
  now: string;
  onOpenReview(filter: { ownerId: string; severity: 'risk' }): void;
  onOpenOptions(): void;
}

export interface Connection {
  crm: string;
  crmLabel: string;
  instance: string;
  /** ISO instant of the last successful read, or null. */
  lastSync: string | null;
  /** API requests made today to this instance (DESIGN §8). */
  callsToday: number;
  user: { id: string; name: string } | null;
  /** The org's own daily API usage, as the CRM last reported it (Salesforce `Sforce-Limit-Info`); absent when the CRM does not say. */
  apiUsage?: { used: number; max: number; at: string } | null;
}

export type TokenKind = 'hubspot' | 'pipedrive';

/** Options → CRM tokens. Callbacks resolve to an error message to show, or null when done. */
export interface CredentialsProps {
  /** Saved tokens by HubSpot portal id / Pipedrive company host, redacted. */
  hubspot: Array<{ owner: string; redacted: string }>;
  pipedrive: Array<{ owner: string; redacted: string }>;
  hubspotEmail: string;
  /** The HubSpot owner the person picked as themselves, by portal id. */
  hubspotOwners: Record<string, HubSpotOwnerOption>;
  onSaveToken(kind: TokenKind, owner: string, token: string): Promise<string | null>;
  onRemoveToken(kind: TokenKind, owner: string): Promise<void>;
  onSaveHubSpotEmail(email: string): Promise<string | null>;
  /** The portal's owners (through the background, sorted by name), or why they could not be listed. */
  onListHubSpotOwners(portal: string): Promise<{ owners: HubSpotOwnerOption[] } | { error: string }>;
  /** Save (null: forget) who the person is in a portal; an error message, or null. */
  onSaveHubSpotOwner(portal: string, owner: HubSpotOwnerOption | null): Promise<string | null>;
}

export interface HubSpotOwnerOption {
  id: string;
  name: string;
  email: string | null;
}

/** Options → custom CRM domains (optional host permissions granted at runtime). */
export interface CustomDomainsProps {
  /** Domains the person added: the origin ("http://crm.lan:8000"), the CRM they named, whether the browser still grants access. */
  domains: Array<{ origin: string; crm: string; crmLabel: string; granted: boolean; /** Named by admin policy: no Remove; access can be granted here. */ managed?: boolean }>;
  /** The CRMs a custom domain may be, with an example address. */
  crms: ReadonlyArray<{ id: string; label: string; example: string }>;
  /** Resolves to an error message, or null once access is granted and the CRM saved. */
  onAdd(crm: string, address: string): Promise<string | null>;
  onRemove(origin: string): Promise<void>;
  /** Ask the browser for access to a domain the administrator named (from the click). */
  onGrant(origin: string): Promise<string | null>;
}

export interface OptionsProps {
  settings: Settings;
  /** Settings fixed by admin policy, by path (e.g. "playbookId", "thresholds.unreachedDays"). */
  locked: string[];
  playbooks: Array<{ id: string; name: string; description: string; questionCount: number }>;
  connections: Connection[];
  onChange(settings: Settings): void;
  onDeleteAllData(): Promise<void>;
  /** ISO "now" for "last sync 3 min ago"; defaults to the current time. */
  now?: string;
  /** HubSpot / Pipedrive tokens; the section is left out when absent. */
  credentials?: CredentialsProps;
  /** Custom CRM domains; the section is left out when absent. */
  customDomains?: CustomDomainsProps;
  /** Custom CRM profiles (components/custom-crm/CustomCrmsSection); absent: the section is not shown. */
  customCrms?: CustomCrmsSectionProps;
  /** Plain notices above the settings: what admin policy turns off, a full local cache. */
  notices?: string[];
}
