/**
 * Pipedrive requests. API v2 where it exists (deals, activities, stages, organizations: the v1
 * versions were deprecated from 2026-01-01); v1 where v2 has no equivalent (deal participants, deal
 * field changelog, users, legacy teams). GETs only; the background adds the `x-api-token` header.
 */
export const LIMIT = 500;

export const dealPath = (id: string): string => `/api/v2/deals/${id}`;
/** v1 offset pagination: `additional_data.pagination.{more_items_in_collection,next_start}`. */
export const participantsPath = (id: string, start = 0): string => `/api/v1/deals/${id}/participants?start=${start}&limit=100`;
/** v2 cursor pagination: `additional_data.next_cursor`. */
export const activitiesPath = (dealId: string, cursor?: string): string =>
  `/api/v2/activities?deal_id=${dealId}&limit=${LIMIT}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
/** Field value changes of a deal (cursor pagination). */
export const changelogPath = (id: string, cursor?: string): string => `/api/v1/deals/${id}/changelog?limit=${LIMIT}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
export const stagesPath = (cursor?: string): string => `/api/v2/stages?limit=${LIMIT}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
/** One stage (v2), for a stage missing from the cached list. */
export const stagePath = (id: string): string => `/api/v2/stages/${id}`;
export const organizationPath = (id: string): string => `/api/v2/organizations/${id}`;
export const userPath = (id: string): string => `/api/v1/users/${id}`;
export const USERS_PATH = '/api/v1/users';
export const ME_PATH = '/api/v1/users/me';
export const teamsOfUserPath = (id: string): string => `/api/v1/legacyTeams/user/${id}`;
export const ownerDealsPath = (ownerId: string, cursor?: string): string =>
  `/api/v2/deals?owner_id=${ownerId}&limit=${LIMIT}&sort_by=add_time&sort_direction=asc${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
