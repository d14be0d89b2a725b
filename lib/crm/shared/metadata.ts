/**
 * Slow-changing CRM metadata (pipelines and their stages, property names, owner and user names) kept
 * between record views, so a view with warm metadata asks the CRM only for the record (DESIGN §8).
 *
 * Adapters get a `MetadataCache` through their options; values are plain JSON, keyed `crm|instance`,
 * and read back as untrusted (each adapter parses its own entry). Pure: the background supplies a
 * `backing` store (storage.session) so the metadata outlives the service worker's idle shutdown.
 */

export interface MetadataCache {
  /** The value saved for `key`, or undefined when there is none or it is older than the TTL. */
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

/** A store the memory cache writes through to; it keeps whatever it is given, the TTL is checked here. */
export interface MetadataBacking {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

/** One hour: pipelines and owners change rarely; a stage missing from the cache triggers one refetch anyway. */
export const METADATA_TTL_MS = 60 * 60_000;

interface Envelope {
  at: number;
  value: unknown;
}

function isEnvelope(v: unknown): v is Envelope {
  return typeof v === 'object' && v !== null && typeof (v as Envelope).at === 'number' && 'value' in v;
}

export interface MemoryMetadataCache extends MetadataCache {
  /** Write through to (and read misses from) a persistent store; null stops it. */
  persistTo(backing: MetadataBacking | null): void;
  /** Forget everything held in memory ("Delete all local data"; the backing store is cleared by its owner). */
  clear(): void;
}

export function memoryMetadataCache(options: { ttlMs?: number; now?: () => number; backing?: MetadataBacking } = {}): MemoryMetadataCache {
  const ttl = options.ttlMs ?? METADATA_TTL_MS;
  const now = options.now ?? (() => Date.now());
  const held = new Map<string, Envelope>();
  let backing = options.backing ?? null;
  const fresh = (e: Envelope | undefined): e is Envelope => e !== undefined && now() - e.at >= 0 && now() - e.at < ttl;

  return {
    async get(key) {
      const inMemory = held.get(key);
      if (fresh(inMemory)) return inMemory.value;
      if (!backing) return undefined;
      const stored = await backing.get(key).catch(() => undefined);
      if (!isEnvelope(stored) || !fresh(stored)) return undefined;
      held.set(key, stored);
      return stored.value;
    },
    async set(key, value) {
      const envelope = { at: now(), value };
      held.set(key, envelope);
      // A failed write (quota) only costs a cold read later.
      await backing?.set(key, envelope).catch(() => undefined);
    },
    persistTo(next) {
      backing = next;
    },
    clear() {
      held.clear();
    },
  };
}

/**
 * The cache the registry's HubSpot and Pipedrive adapters share in the background. Memory only until
 * the background calls `persistTo`; tests build adapters with their own cache instead.
 */
export const crmMetadata: MemoryMetadataCache = memoryMetadataCache();
