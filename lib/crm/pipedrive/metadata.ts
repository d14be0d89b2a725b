/**
 * A company's slow-changing metadata, kept between record views in the injected MetadataCache: the
 * stages (name, order, probability), user names and organization names by id (v2 deals carry ids
 * only). Read back through zod (the cache may be persisted storage): anything else counts as no cache.
 */
import { z } from 'zod';
import type { MetadataCache } from '../shared/metadata';
import type { StageInfo } from './map-deal';

const Stage = z.object({ name: z.string().max(1000), order: z.number().nullable(), probability: z.number().nullable() });
const Names = z.record(z.string().max(40), z.string().max(1000));

const Entry = z.object({
  v: z.literal(1),
  stages: z.record(z.string().max(40), Stage).nullable(),
  /** True when `users` is the whole user list (GET /users), not only owners seen one by one. */
  usersComplete: z.boolean(),
  users: Names,
  orgs: Names,
});

export interface CompanyMetadata {
  stages: Map<string, StageInfo> | null;
  usersComplete: boolean;
  users: Map<string, string>;
  orgs: Map<string, string>;
}

/** Organization names kept per company (most recently learned last); beyond this the oldest go. */
const MAX_ORGS = 2000;

export const metadataKey = (instance: string): string => `pipedrive|${instance}`;

export async function loadMetadata(cache: MetadataCache | undefined, instance: string): Promise<CompanyMetadata> {
  const parsed = Entry.safeParse(await cache?.get(metadataKey(instance)).catch(() => undefined));
  if (!parsed.success) return { stages: null, usersComplete: false, users: new Map(), orgs: new Map() };
  const { stages, usersComplete, users, orgs } = parsed.data;
  return { stages: stages ? new Map(Object.entries(stages)) : null, usersComplete, users: new Map(Object.entries(users)), orgs: new Map(Object.entries(orgs)) };
}

export async function saveMetadata(cache: MetadataCache | undefined, instance: string, meta: CompanyMetadata): Promise<void> {
  if (!cache) return;
  const orgs = [...meta.orgs].slice(-MAX_ORGS);
  const value: z.infer<typeof Entry> = {
    v: 1,
    stages: meta.stages ? Object.fromEntries(meta.stages) : null,
    usersComplete: meta.usersComplete,
    users: Object.fromEntries(meta.users),
    orgs: Object.fromEntries(orgs),
  };
  await cache.set(metadataKey(instance), value).catch(() => undefined);
}
