import { z } from 'zod';

export const CycleStats = z.object({
  /** Days from createdAt to closedAt of won deals. */
  median: z.number(),
  p75: z.number(),
  p90: z.number(),
  n: z.number().int().nonnegative(),
});
export type CycleStats = z.infer<typeof CycleStats>;

/**
 * What the coaching of one owner's deal needs from history (DESIGN §4-5).
 * Computed by lib/metrics/benchmarks.ts from closed deals; cached by the background.
 */
export const Benchmarks = z.object({
  ownerId: z.string(),
  /**
   * Typical cycle: the owner's own when they have >= minOwnWon won deals, else the team's. null when no won deal has dates.
   * `ownWon`: the owner's own won deals with both dates, whatever the basis ("you have 6 won deals, fewer than 10").
   */
  cycle: CycleStats.extend({ basis: z.enum(['own', 'team']), ownWon: z.number().int().nonnegative().optional() }).nullable(),
  /** Median days deals spend in each stage (from stage changes), by stage name. */
  stageDays: z.record(z.string(), z.object({ median: z.number(), n: z.number().int() })),
  /** Owner's open pipeline, for concentration. Unknown amounts excluded and counted. */
  openPipeline: z.object({ count: z.number().int(), value: z.number(), unknownAmount: z.number().int() }),
  /** Won-deal amount terciles (pebble/stone boundary, stone/rock boundary); null with < 3 won amounts. */
  sizeBands: z.tuple([z.number(), z.number()]).nullable(),
  /** Number of closed deals the benchmarks rest on. */
  basisDeals: z.number().int(),
  computedAt: z.string(),
});
export type Benchmarks = z.infer<typeof Benchmarks>;
