import { z } from 'zod';

/** Coaching thresholds (DESIGN §5). Admin policy may fix any of them. */
export const Thresholds = z.object({
  /** A key stakeholder counts as unreached after this many days without a done call/meeting/email. */
  unreachedDays: z.number().int().min(1).max(365).default(30),
  /** close-date-pushed fires at this push count... */
  pushCount: z.number().int().min(1).max(20).default(2),
  /** ...or when the close date moved out by more than this many days in total. */
  pushDays: z.number().int().min(1).max(365).default(30),
  /** single-threaded fires at or below this many engaged stakeholders. */
  singleThreadedMax: z.number().int().min(0).max(10).default(1),
  /** Days counted for "engaged" in single-threaded (a done call/meeting/email in this window). */
  engagedDays: z.number().int().min(1).max(365).default(90),
  /** stalled-in-stage fires when time in stage exceeds the stage's typical time times this factor. */
  stalledFactor: z.number().min(1).max(10).default(1.5),
  /** An owner needs this many won deals for their own typical cycle; else the team's is used. */
  minOwnWon: z.number().int().min(1).max(1000).default(10),
  /** big-deal-concentration fires when one deal is more than this share of the owner's open value. */
  bigDealShare: z.number().min(0.1).max(1).default(0.5),
});
export type Thresholds = z.infer<typeof Thresholds>;

export const DEFAULT_THRESHOLDS: Thresholds = Thresholds.parse({});

export const PlaybookId = z.enum(['dealmaker', 'meddpicc', 'bant']);
export type PlaybookId = z.infer<typeof PlaybookId>;

export const Settings = z.object({
  playbookId: PlaybookId.default('dealmaker'),
  thresholds: Thresholds.default(DEFAULT_THRESHOLDS),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = Settings.parse({});
