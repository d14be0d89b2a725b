/**
 * A portal's slow-changing metadata, kept between record views in the injected MetadataCache:
 * the deal property names, the pipelines' stages (label, order, open/won/lost) and owner names.
 * Read back through zod (the cache may be persisted storage): anything else counts as no cache.
 */
import { z } from 'zod';
import type { MetadataCache } from '../shared/metadata';
import type { StageInfo, Stages } from './map-deal';

const Stage = z.object({ label: z.string().max(1000), order: z.number().nullable(), category: z.enum(['open', 'won', 'lost']) });

const Entry = z.object({
  v: z.literal(1),
  /** Every deal property name (null: not read yet). */
  propertyNames: z.array(z.string().max(500)).max(5000).nullable(),
  stages: z.array(z.tuple([z.string().max(500), Stage])).max(20_000).nullable(),
  owners: z.record(z.string().max(40), z.string().max(1000)),
});

export interface PortalMetadata {
  propertyNames: string[] | null;
  stages: Stages | null;
  owners: Map<string, string>;
}

export const metadataKey = (instance: string): string => `hubspot|${instance}`;

export async function loadMetadata(cache: MetadataCache | undefined, instance: string): Promise<PortalMetadata> {
  const parsed = Entry.safeParse(await cache?.get(metadataKey(instance)).catch(() => undefined));
  if (!parsed.success) return { propertyNames: null, stages: null, owners: new Map() };
  return {
    propertyNames: parsed.data.propertyNames,
    stages: parsed.data.stages ? new Map(parsed.data.stages.map(([k, s]): [string, StageInfo] => [k, s])) : null,
    owners: new Map(Object.entries(parsed.data.owners)),
  };
}

export async function saveMetadata(cache: MetadataCache | undefined, instance: string, meta: PortalMetadata): Promise<void> {
  if (!cache) return;
  const value: z.infer<typeof Entry> = {
    v: 1,
    propertyNames: meta.propertyNames,
    stages: meta.stages ? [...meta.stages] : null,
    owners: Object.fromEntries(meta.owners),
  };
  await cache.set(metadataKey(instance), value).catch(() => undefined);
}
