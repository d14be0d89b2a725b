/**
 * The CSV import off the main thread: parse, map to Deals, coach every open deal into table rows.
 * The page stays responsive on a 50,000-row export; progress is posted as it goes.
 */
import { importForReview } from '../../lib/review/import';
import { buildReviewModel } from '../../lib/review/rows';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

const post = (message: WorkerReply) => (self as unknown as { postMessage(m: WorkerReply): void }).postMessage(message);

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const { text, teamsText, mapping, source, today, settings } = event.data;
  try {
    const imported = await importForReview(text, mapping, {
      source,
      today,
      ...(teamsText ? { teamsText } : {}),
      onProgress: (stage, f) => post({ kind: 'progress', fraction: stage === 'parse' ? f * 0.6 : 0.6 + f * 0.3, label: stage === 'parse' ? 'Reading rows' : 'Checking deals' }),
    });
    post({ kind: 'progress', fraction: 0.92, label: 'Coaching open deals' });
    const model = buildReviewModel(imported.deals, { settings, now: imported.asOf, teamOf: (owner) => imported.teams[owner] ?? null });
    post({ kind: 'done', imported, rows: model.rows });
  } catch (error) {
    post({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
