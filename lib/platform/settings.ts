/**
 * Everything kept in extension storage (not IndexedDB): the person's settings, the sidebar's UI
 * state and the CRM connections seen. Read through zod: a value written by an older version, or
 * tampered with, falls back to defaults instead of breaking coaching.
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, Settings } from '../model';

import { SIDEBAR_COLLAPSED_KEY } from './sidebar-state';
import { applyPolicy, readPolicy, userPart, watchPolicy } from './policy';

const settingsItem = storage.defineItem<unknown>('local:settings', { fallback: DEFAULT_SETTINGS });

/** The person's own settings, before admin policy. */
export async function readUserSettings(): Promise<Settings> {
  const parsed = Settings.safeParse(await settingsItem.getValue());
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** The settings in force: the person's, with admin policy (storage.managed) taking precedence. */
export async function readSettings(): Promise<Settings> {
  const [user, policy] = await Promise.all([readUserSettings(), readPolicy()]);
  return applyPolicy(user, policy);
}

/**
 * Validates before writing; throws a zod error on an invalid value (the options form shows it).
 * Values fixed by policy keep the person's own stored value; returns the settings in force.
 */
export async function writeSettings(value: Settings): Promise<Settings> {
  const parsed = Settings.parse(value);
  const [user, policy] = await Promise.all([readUserSettings(), readPolicy()]);
  await settingsItem.setValue(userPart(parsed, user, policy));
  return applyPolicy(parsed, policy);
}

/** Called with the settings in force when the person's settings or the admin policy change. */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  const emit = () => void readSettings().then(callback);
  const unwatchUser = settingsItem.watch(emit);
  const unwatchPolicy = watchPolicy(emit);
  return () => {
    unwatchUser();
    unwatchPolicy();
  };
}

/** Collapsed to a tab at the page edge (the content script reads the same key via sidebar-state.ts). */
export const sidebarCollapsed = storage.defineItem<boolean>(`local:${SIDEBAR_COLLAPSED_KEY}`, { fallback: false });

/** Since when the background works without its cache (storage full even after evicting old entries), or null. */
export const cacheFullSince = storage.defineItem<string | null>('local:cacheFullSince', { fallback: null });

/** A CRM instance the person has used with the extension. */
export interface StoredConnection {
  crm: string;
  instance: string;
  /** `scheme://host[:port]` of the instance, to find its tabs. */
  origin: string;
  /** The last record page coached from a CRM tab: the popup, review and hourly refresh use that tab's credential (DESIGN §9). */
  pageUrl?: string;
  /** Last time a record of this instance was coached (ISO). */
  lastUsedAt: string;
  /** Last successful read of the CRM (ISO), or null. */
  lastSync: string | null;
  user: { id: string; name: string } | null;
}

export const connections = storage.defineItem<StoredConnection[]>('local:connections', { fallback: [] });

let writes: Promise<void> = Promise.resolve();

/** Add or update one connection, most recently used first. Serialised: concurrent reads do not lose updates. */
export function touchConnection(update: Pick<StoredConnection, 'crm' | 'instance' | 'origin'> & Partial<StoredConnection>): Promise<void> {
  writes = writes.then(() => applyConnection(update)).catch((error: unknown) => console.warn('Deal Coach: could not save the connection', error));
  return writes;
}

async function applyConnection(update: Pick<StoredConnection, 'crm' | 'instance' | 'origin'> & Partial<StoredConnection>): Promise<void> {
  const all = await connections.getValue();
  const index = all.findIndex((c) => c.crm === update.crm && c.instance === update.instance);
  const previous: StoredConnection = all[index] ?? { crm: update.crm, instance: update.instance, origin: update.origin, lastUsedAt: new Date().toISOString(), lastSync: null, user: null };
  const next: StoredConnection = { ...previous, ...stripUndefined(update) };
  const rest = all.filter((_, i) => i !== index);
  await connections.setValue([next, ...rest].sort((a, b) => b.lastUsedAt.localeCompare(a.lastUsedAt)));
}

/** "Delete all local data": settings, UI state and connections. */
export async function clearStorage(): Promise<void> {
  await storage.clear('local');
  await storage.clear('session').catch(() => undefined);
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
