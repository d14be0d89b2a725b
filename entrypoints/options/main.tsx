/**
 * Options: playbook, thresholds, connections (with today's API calls) and "Delete all local
 * data". Settings are read and written through lib/platform/settings (validated by zod).
 * Wiring only; components/options renders.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsPage } from '../../components/options';
import type { Connection, CredentialsProps, CustomDomainsProps, TokenKind } from '../../components/types';
import { hubspotUserEmail } from '../../lib/platform/crm-access';
import { isPlausibleHubSpotToken, isPlausiblePipedriveToken, saveToken, tokenSummaries } from '../../lib/platform/credentials';
import { isPipedriveCompanyHost } from '../../lib/crm/pipedrive/match';
import type { Settings } from '../../lib/model';
import { backgroundMessenger } from '../../lib/platform/messaging';
import { readSettings, watchSettings, writeSettings } from '../../lib/platform/settings';
import { PLAYBOOKS } from '../../lib/playbooks';

const playbooks = PLAYBOOKS.map((p) => ({ id: p.id, name: p.name, description: p.description, questionCount: p.questions.length }));

async function loadConnections(): Promise<Connection[]> {
  try {
    const reply = await backgroundMessenger.sendMessage('getConnections', undefined);
    return reply.kind === 'ready' ? reply.connections : [];
  } catch {
    return [];
  }
}

/** Check and save a token typed in options; an error message, or null. The token is never logged. */
async function checkAndSaveToken(kind: TokenKind, rawOwner: string, rawToken: string): Promise<string | null> {
  const token = rawToken.trim();
  if (kind === 'hubspot') {
    const portal = rawOwner.trim();
    if (!/^\d{1,12}$/.test(portal)) return 'Enter the portal ID: the number after /contacts/ in your HubSpot URLs.';
    if (!isPlausibleHubSpotToken(token)) return 'That does not look like a HubSpot private app token (pat-na1-… or pat-eu1-…).';
    await saveToken('hubspot', portal, token);
    return null;
  }
  const host = rawOwner.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  const company = host.includes('.') ? host : `${host}.pipedrive.com`;
  if (!isPipedriveCompanyHost(company)) return 'Enter your Pipedrive company domain, e.g. acme.pipedrive.com.';
  if (!isPlausiblePipedriveToken(token)) return 'That does not look like a Pipedrive API token (40 letters and digits).';
  await saveToken('pipedrive', company, token);
  return null;
}

/** Optional origins granted beyond the manifest's own host permissions. */
async function customOrigins(): Promise<string[]> {
  const fixed = new Set(browser.runtime.getManifest().host_permissions ?? []);
  const all = await browser.permissions.getAll().catch(() => ({ origins: [] as string[] }));
  return (all.origins ?? []).filter((o) => !fixed.has(o) && o !== 'https://*/*').map((o) => o.replace(/\/\*$/, ''));
}

/** `crm.example.com` or a URL -> `https://crm.example.com/*`; null when it is not a plain https host. */
function originPattern(input: string): string | null {
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(input.trim()) ? input.trim() : `https://${input.trim()}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password || !/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(url.hostname)) return null;
  return `https://${url.host.toLowerCase()}/*`;
}

async function main(): Promise<void> {
  const root = document.getElementById('app')!;
  let settings = await readSettings();
  let connections = await loadConnections();
  let credentialState = { hubspot: await tokenSummaries('hubspot'), pipedrive: await tokenSummaries('pipedrive'), hubspotEmail: await hubspotUserEmail.getValue() };
  let granted = await customOrigins();
  const reloadCredentials = async () => {
    credentialState = { hubspot: await tokenSummaries('hubspot'), pipedrive: await tokenSummaries('pipedrive'), hubspotEmail: await hubspotUserEmail.getValue() };
    paint();
  };
  const credentials = (): CredentialsProps => ({
    ...credentialState,
    onSaveToken: async (kind, owner, token) => {
      const error = await checkAndSaveToken(kind, owner, token);
      if (!error) await reloadCredentials();
      return error;
    },
    onRemoveToken: async (kind, owner) => {
      await saveToken(kind, owner, null);
      await reloadCredentials();
    },
    onSaveHubSpotEmail: async (email) => {
      const value = email.trim();
      if (value && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return 'Enter the email you sign in to HubSpot with.';
      await hubspotUserEmail.setValue(value);
      await reloadCredentials();
      return null;
    },
  });
  const customDomains = (): CustomDomainsProps => ({
    granted,
    onAdd: async (host) => {
      const pattern = originPattern(host);
      if (!pattern) return 'Enter an https domain, e.g. crm.example.com.';
      // Called straight from the click handler, before any await: the browser requires the user gesture.
      const ok = await browser.permissions.request({ origins: [pattern] }).catch(() => false);
      granted = await customOrigins();
      paint();
      return ok ? null : 'Access was not granted.';
    },
    onRemove: async (origin) => {
      await browser.permissions.remove({ origins: [`${origin}/*`] }).catch(() => false);
      granted = await customOrigins();
      paint();
    },
  });

  const paint = () =>
    render(
      <OptionsPage
        settings={settings}
        // Admin policy (storage.managed) lands with the enterprise issue; nothing is locked yet.
        locked={[]}
        playbooks={playbooks}
        connections={connections}
        now={new Date().toISOString()}
        credentials={credentials()}
        customDomains={customDomains()}
        onChange={(next: Settings) => {
          settings = next;
          paint();
          void writeSettings(next).catch((error: unknown) => console.warn('Deal Coach: settings not saved', error));
        }}
        onDeleteAllData={async () => {
          const reply = await backgroundMessenger.sendMessage('deleteAllData', undefined);
          if (reply.kind === 'error') throw new Error(reply.message);
          settings = await readSettings();
          connections = await loadConnections();
          await reloadCredentials();
        }}
      />,
      root,
    );

  paint();
  watchSettings((next) => {
    settings = next;
    paint();
  });
  // Calls made today keep counting while the page is open.
  setInterval(() => void loadConnections().then((next) => ((connections = next), paint())), 30_000);
}

void main();
