/**
 * "Who am I" in HubSpot. A private app token acts for the app, not a person, so the person picks
 * themselves among the portal's owners in Options; that owner id is then the user of the whole app
 * (popup, review, coaching's "you") for that portal. The typed login email stays as the fallback.
 * Kept in storage.local per portal, read back through zod ("Delete all local data" clears it).
 */
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';

export const HubSpotOwner = z.object({ id: z.string().regex(/^\d{1,20}$/), name: z.string().max(500), email: z.string().max(500).nullable() });
export type HubSpotOwner = z.infer<typeof HubSpotOwner>;
const Choices = z.record(z.string().regex(/^\d{1,12}$/), HubSpotOwner);

export const hubspotOwnerChoice = storage.defineItem<unknown>('local:credentials.hubspotOwner', { fallback: {} });

/** The owner picked for each portal (an unreadable value counts as none picked). */
export async function ownerChoices(): Promise<Record<string, HubSpotOwner>> {
  const parsed = Choices.safeParse(await hubspotOwnerChoice.getValue());
  return parsed.success ? parsed.data : {};
}

/** Pick (or, with null, forget) the owner of one portal. */
export async function saveOwnerChoice(portal: string, owner: HubSpotOwner | null): Promise<void> {
  const all = await ownerChoices();
  if (owner) all[portal] = HubSpotOwner.parse(owner);
  else delete all[portal];
  await hubspotOwnerChoice.setValue(all);
}

/** The portal id of a HubSpot instance (`<api host>/<portal>`). */
export function portalOfInstance(instance: string): string | null {
  return /^[a-z0-9.-]+\/(\d{1,12})$/.exec(instance)?.[1] ?? null;
}
