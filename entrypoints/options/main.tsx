/**
 * Options: playbook, thresholds, connections (with today's API calls) and "Delete all local
 * data". Settings are read and written through lib/platform/settings (validated by zod).
 * Wiring only; components/options renders.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsPage } from '../../components/options';
import type { Connection, CredentialsProps, CustomDomainsProps, HubSpotOwnerOption, TokenKind } from '../../components/types';
import { hubspotUserEmail } from '../../lib/platform/crm-access';
import { ownerChoices, saveOwnerChoice } from '../../lib/platform/hubspot-owner-choice';
import { isPlausibleHubSpotToken, isPlausiblePipedriveToken, saveToken, tokenSummaries } from '../../lib/platform/credentials';
import { isPipedriveCompanyHost } from '../../lib/crm/pipedrive/match';
import type { Settings } from '../../lib/model';
import { backgroundMessenger } from '../../lib/platform/messaging';
import { cacheFullSince, readSettings, watchSettings, writeSettings } from '../../lib/platform/settings';
import { lockedPaths, policyNotices, readPolicy, watchPolicy } from '../../lib/platform/policy';
import { PLAYBOOKS } from '../../lib/playbooks';
import { createCustomCrmsController } from './custom-crms';
import { CUSTOM_ORIGIN_CRMS, customServerOf, originInPattern } from '../../lib/crm/hosts';
import { grantedOrigins, readCustomOrigins, setCustomOrigin } from '../../lib/platform/custom-origins-storage';
import { unusedGrants } from '../../lib/platform/custom-origins';
import { customCrmProfiles } from '../../lib/platform/custom-crms';
import { hostPermissionFor } from '../../lib/crm/custom/match';

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

/** The custom CRM domains the person added, with the CRM they named and whether access is still granted. */
async function customDomainList(): Promise<CustomDomainsProps['domains']> {
  const [named, granted, profiles] = await Promise.all([readCustomOrigins(), grantedOrigins(), customCrmProfiles()]);
  const listed = [...named].map(([origin, { crm, managed }]) => ({
    origin,
    crm,
    ...(managed ? { managed } : {}),
    crmLabel: CUSTOM_ORIGIN_CRMS.find((c) => c.id === crm)?.label ?? crm,
    granted: granted.some((pattern) => originInPattern(origin, pattern)),
  }));
  // Access still granted that nothing uses (e.g. after "Delete all local data"): shown, so it can be given back.
  const required = browser.runtime.getManifest().host_permissions ?? [];
  const profileHosts = profiles.map(hostPermissionFor).filter((h): h is string => h !== null);
  const unused = unusedGrants(granted, required, named.keys(), profileHosts).map((origin) => ({ origin, crm: '', crmLabel: 'no CRM named (access left from before)', granted: true }));
  return [...listed, ...unused];
}

/** The owners of a portal whose token is saved, through the background (one stable function: the picker lists once per portal). */
async function listHubSpotOwners(portal: string): Promise<{ owners: HubSpotOwnerOption[] } | { error: string }> {
  try {
    const reply = await backgroundMessenger.sendMessage('listHubSpotOwners', { portal });
    return reply.kind === 'ready' ? { owners: reply.owners } : { error: reply.message };
  } catch {
    return { error: 'Deal Coach’s background did not answer.' };
  }
}

async function main(): Promise<void> {
  const root = document.getElementById('app')!;
  let settings = await readSettings();
  // Admin policy (storage.managed): what it fixes is shown locked.
  let policy = await readPolicy();
  let cacheFull = await cacheFullSince.getValue();
  let connections = await loadConnections();
  let credentialState = { hubspot: await tokenSummaries('hubspot'), pipedrive: await tokenSummaries('pipedrive'), hubspotEmail: await hubspotUserEmail.getValue(), hubspotOwners: await ownerChoices() };
  let domains = await customDomainList();
  const reloadCredentials = async () => {
    credentialState = { hubspot: await tokenSummaries('hubspot'), pipedrive: await tokenSummaries('pipedrive'), hubspotEmail: await hubspotUserEmail.getValue(), hubspotOwners: await ownerChoices() };
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
      if (kind === 'hubspot') await saveOwnerChoice(owner, null);
      await reloadCredentials();
    },
    onListHubSpotOwners: listHubSpotOwners,
    onSaveHubSpotOwner: async (portal, owner) => {
      await saveOwnerChoice(portal, owner);
      await reloadCredentials();
      return null;
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
    domains,
    crms: CUSTOM_ORIGIN_CRMS,
    onAdd: async (crm, address) => {
      const server = customServerOf(address);
      if ('error' in server) return server.error;
      if (!CUSTOM_ORIGIN_CRMS.some((c) => c.id === crm)) return 'Choose the CRM that runs there.';
      // Called straight from the click handler, before any await: the browser requires the user gesture.
      const ok = await browser.permissions.request({ origins: [server.permission] }).catch(() => false);
      // The background hears the permission (it registers the content script there) and this mapping (it recognises the CRM there).
      if (ok) await setCustomOrigin(server.origin, crm);
      domains = await customDomainList();
      paint();
      return ok ? null : 'Access was not granted.';
    },
    onRemove: async (origin) => {
      await setCustomOrigin(origin, null);
      domains = await customDomainList();
      // Give the host back unless another domain here (the same host on another port) or a custom CRM profile still uses it.
      const permission = customServerOf(origin);
      const profileHosts = (await customCrmProfiles()).map(hostPermissionFor);
      const stillUsed = 'error' in permission || domains.some((d) => d.crm !== '' && originInPattern(d.origin, permission.permission)) || profileHosts.some((host) => host !== null && originInPattern(origin, host));
      if (!stillUsed) await browser.permissions.remove({ origins: [permission.permission] }).catch(() => false);
      domains = await customDomainList();
      paint();
    },
    onGrant: async (origin) => {
      const server = customServerOf(origin);
      if ('error' in server) return server.error;
      // Straight from the click, before any await (user gesture); the background hears the grant and registers the script.
      const ok = await browser.permissions.request({ origins: [server.permission] }).catch(() => false);
      domains = await customDomainList();
      paint();
      return ok ? null : 'Access was not granted.';
    },
  });

  // Custom CRM profiles (issue #7): list, editor, live preview, pick on page.
  const customCrms = createCustomCrmsController(() => paint());
  const paint = () =>
    render(
      <OptionsPage
        settings={settings}
        locked={lockedPaths(policy)}
        notices={[
          ...policyNotices(policy),
          ...(cacheFull ? [`The browser has no room left for Deal Coach's cache (since ${new Date(cacheFull).toLocaleString()}): coaching works, reading every deal from the CRM. Free disk space, or delete all local data below.`] : []),
        ]}
        playbooks={playbooks}
        connections={connections}
        now={new Date().toISOString()}
        credentials={credentials()}
        customDomains={customDomains()}
        customCrms={customCrms.props()}
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
  void customCrms.init();
  watchPolicy((next) => {
    policy = next;
    paint();
  });
  cacheFullSince.watch((next) => {
    cacheFull = next;
    paint();
  });
  watchSettings((next) => {
    settings = next;
    paint();
  });
  // Calls made today keep counting while the page is open.
  setInterval(() => void loadConnections().then((next) => ((connections = next), paint())), 30_000);
}

void main();
