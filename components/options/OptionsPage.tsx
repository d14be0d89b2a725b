import type { OptionsProps } from '../types';
import { Icon } from '../icons';
import { ConnectionsSection } from './ConnectionsSection';
import { CredentialsSection } from './CredentialsSection';
import { CustomDomainsSection } from './CustomDomainsSection';
import { CustomCrmsSection } from '../custom-crm/CustomCrmsSection';
import { isLocked } from './Locked';
import { PlaybookSection } from './PlaybookSection';
import { PrivacySection } from './PrivacySection';
import { ThresholdsSection } from './ThresholdsSection';

/**
 * The options page: playbook, thresholds, connected CRMs, data & privacy. Every change calls
 * onChange with a full Settings object; settings in `locked` (admin policy) are read-only.
 * Styles: ./options.css (import ./index.ts).
 */
export function OptionsPage({ settings, locked, playbooks, connections, onChange, onDeleteAllData, now, credentials, customDomains, customCrms, notices }: OptionsProps) {
  return (
    <div class="dc-theme dc-options" data-theme="auto">
      <header class="dc-opt-head">
        <span class="dc-opt-mark" aria-hidden="true">
          DC
        </span>
        <div>
          <h1 class="dc-opt-title">Deal Coach options</h1>
          <p class="dc-muted">How coaching judges your deals, and what Deal Coach keeps.</p>
        </div>
      </header>
      <main class="dc-opt-main">
        {locked.length > 0 && (
          <p class="dc-callout dc-tone-info">
            <Icon name="lock" />
            <span>Some settings are set by your administrator for your whole team and cannot be changed here.</span>
          </p>
        )}
        {notices?.map((notice) => (
          <p key={notice} class="dc-callout dc-tone-info" role="status">
            <span>{notice}</span>
          </p>
        ))}
        <PlaybookSection settings={settings} playbooks={playbooks} locked={isLocked(locked, 'playbookId')} onChange={onChange} />
        <ThresholdsSection settings={settings} locked={locked} onChange={onChange} />
        <ConnectionsSection connections={connections} now={now ?? new Date().toISOString()} />
        {credentials && <CredentialsSection {...credentials} />}
        {customDomains && <CustomDomainsSection {...customDomains} />}
        {customCrms && <CustomCrmsSection {...customCrms} />}
        <PrivacySection onDeleteAllData={onDeleteAllData} />
      </main>
    </div>
  );
}
