/**
 * Stage conversion (DESIGN §4; seed: "Pipeline Conversion Rate, the conversion to win from stage X"):
 * for each pipeline stage, of the closed deals that reached it, the share won.
 *
 * Which stages a closed deal reached:
 * - with stage history: every stage it passed through (the `from`/`to` of its changes and its
 *   current stage) — a deal that skipped a stage did not reach it;
 * - without history ('final-stage' basis), by stage order: a deal reached every stage whose order
 *   is ≤ the highest it is known to have reached. A won deal went through the whole pipeline, so it
 *   reached every stage. A lost deal is known to have reached only its stage at close, when that is
 *   a pipeline stage (Pipedrive keeps the stage of a lost deal), and so every stage ordered before
 *   it. When its stage is only "Lost" we know nothing beyond its entry: it is counted at the entry
 *   stage (lowest order) and in `lostStageUnknown`, which makes later stages' rates upper bounds.
 *
 * Which names are pipeline stages: the current stage of an open deal, or a stage named in a stage
 * change that no closed deal currently sits in ("Closed Won" is a stage change target but is where
 * closed deals sit). Orders come from the deals currently in a stage.
 */
import type { Period } from '../dates';
import type { Deal } from '../model';
import { closedIn, dayCache, tallyAll, windowOf, type DealFacts, type Window } from './facts';
import { rate } from './stats';
import type { StageConversion } from './types';

export function stageConversion(deals: readonly Deal[], period?: Period | null): StageConversion[] {
  const day = dayCache();
  return tallyAll(deals, day, new StageConversionTally(windowOf(period, day)));
}

interface StageRecord {
  name: string;
  order: number | null;
  seenOpen: boolean;
  seenClosed: boolean;
  seenInChange: boolean;
  /** Closed deals with history that passed through it, and the won ones among them. */
  reached: number;
  won: number;
  /** Closed lost deals without history that sit in this stage. */
  lostHere: number;
  /** The last deal counted here, so a deal that passed through twice counts once. */
  lastDeal: number;
}

export class StageConversionTally {
  private readonly stages = new Map<string, StageRecord>();
  private wonWithoutHistory = 0;
  private dealSerial = 0;

  constructor(private readonly window: Window) {}

  private stage(name: string): StageRecord {
    let record = this.stages.get(name);
    if (!record) {
      record = { name, order: null, seenOpen: false, seenClosed: false, seenInChange: false, reached: 0, won: 0, lostHere: 0, lastDeal: 0 };
      this.stages.set(name, record);
    }
    return record;
  }

  private reach(record: StageRecord, serial: number, won: boolean): void {
    if (record.lastDeal === serial) return;
    record.lastDeal = serial;
    record.reached++;
    if (won) record.won++;
  }

  private passedThrough(name: string | null, counted: boolean, serial: number, won: boolean): void {
    if (name === null) return;
    const record = this.stage(name);
    record.seenInChange = true;
    if (counted) this.reach(record, serial, won);
  }

  add(f: DealFacts): void {
    const serial = ++this.dealSerial;
    const current = this.stage(f.stageName);
    if (current.order === null) current.order = f.stageOrder;
    if (f.outcome === 'open') current.seenOpen = true;
    else current.seenClosed = true;

    const changes = f.stageChanges;
    const counted = closedIn(f, this.window);
    const won = f.outcome === 'won';
    if (counted && changes.length > 0) this.reach(current, serial, won);
    let previousTo: string | null = null;
    for (const change of changes) {
      // Changes usually chain (each `from` is the last `to`): that stage is already counted.
      if (change.from !== previousTo) this.passedThrough(change.from, counted, serial, won);
      this.passedThrough(change.to, counted, serial, won);
      previousTo = change.to;
    }

    if (!counted || changes.length > 0) return;
    if (won) {
      this.wonWithoutHistory++;
    } else {
      current.lostHere++;
    }
  }

  /** Add another tally's deals (same period): an overall figure is the sum of its groups. */
  merge(other: StageConversionTally): void {
    this.wonWithoutHistory += other.wonWithoutHistory;
    for (const theirs of other.stages.values()) {
      const ours = this.stage(theirs.name);
      if (ours.order === null) ours.order = theirs.order;
      ours.seenOpen ||= theirs.seenOpen;
      ours.seenClosed ||= theirs.seenClosed;
      ours.seenInChange ||= theirs.seenInChange;
      ours.reached += theirs.reached;
      ours.won += theirs.won;
      ours.lostHere += theirs.lostHere;
    }
  }

  /** Pipeline stages in order (unordered ones last, by name). */
  private pipeline(): StageRecord[] {
    const stages: StageRecord[] = [];
    for (const record of this.stages.values()) if (record.seenOpen || (record.seenInChange && !record.seenClosed)) stages.push(record);
    return stages.sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || a.name.localeCompare(b.name));
  }

  /**
   * Conversion per pipeline stage. `pipelineFrom` names the tally whose deals define the pipeline
   * (stage names and orders): a report passes its overall tally, so an owner's rows follow the
   * team's pipeline even when the owner has no deal in some stage.
   */
  result(pipelineFrom: StageConversionTally = this): StageConversion[] {
    const stages = pipelineFrom.pipeline();
    const orderOf = new Map(stages.map((s) => [s.name, s.order]));
    let entryOrder = Infinity;
    for (const s of stages) if (s.order !== null && s.order < entryOrder) entryOrder = s.order;

    // Lost deals without history, placed by their stage at close.
    const lostAtOrder = new Map<number, number>();
    let lostStageUnknown = 0;
    for (const record of this.stages.values()) {
      if (record.lostHere === 0) continue;
      const order = orderOf.get(record.name);
      if (order === undefined) lostStageUnknown += record.lostHere;
      else if (order !== null) lostAtOrder.set(order, (lostAtOrder.get(order) ?? 0) + record.lostHere);
    }
    // Lost at order k reached every stage ordered ≤ k: sum from the top down.
    const lostAtOrAbove = new Map<number, number>();
    let running = 0;
    const orders = [...new Set([...lostAtOrder.keys(), ...stages.flatMap((s) => (s.order === null ? [] : [s.order]))])].sort((a, b) => b - a);
    for (const order of orders) {
      running += lostAtOrder.get(order) ?? 0;
      lostAtOrAbove.set(order, running);
    }

    return stages.map((s) => {
      const mine = this.stages.get(s.name);
      const lostByOrder = s.order === null ? (mine?.lostHere ?? 0) : (lostAtOrAbove.get(s.order) ?? 0);
      const lostAtEntry = s.order === entryOrder ? lostStageUnknown : 0;
      const withoutHistory = this.wonWithoutHistory + lostByOrder + lostAtEntry;
      return {
        stage: s.name,
        order: s.order,
        conversion: rate((mine?.won ?? 0) + this.wonWithoutHistory, (mine?.reached ?? 0) + withoutHistory),
        basis: withoutHistory > 0 ? 'final-stage' : 'history',
        lostStageUnknown,
      };
    });
  }
}
