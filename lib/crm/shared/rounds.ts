/**
 * Counts request rounds: how many times an adapter had to wait for an answer before it could ask
 * the next thing (the network round trips a record view costs, DESIGN §8).
 *
 * Requests are held until the adapter has nothing more to ask without an answer (the next macrotask),
 * then answered together as one round. A request made after some answer arrived belongs to the next
 * round. Deterministic: it measures dependency depth, not time.
 */
import type { CrmFetch, CrmResponse } from '../types';

export interface RoundCounter {
  io: CrmFetch;
  /** The requests of each round, `METHOD url` in the order they were made. */
  rounds: string[][];
}

export function countRounds(inner: CrmFetch): RoundCounter {
  const rounds: string[][] = [];
  let pending: { label: string; run: () => void }[] = [];
  const flush = () => {
    const batch = pending;
    pending = [];
    rounds.push(batch.map((p) => p.label));
    for (const p of batch) p.run();
  };
  const io: CrmFetch = (url, init) =>
    new Promise<CrmResponse>((resolve, reject) => {
      if (pending.length === 0) setTimeout(flush, 0);
      pending.push({ label: `${init?.method ?? 'GET'} ${url}`, run: () => void inner(url, init).then(resolve, reject) });
    });
  return { io, rounds };
}
