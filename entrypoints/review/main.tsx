/**
 * Deal review (extension page): one owner's open deals with their findings, filtered by the
 * query string (`?owner=<crm user id>&severity=risk|warn|info`). Minimal for now; the full
 * manager review (team, CSV import, changes since last review) builds on it.
 */
import { render } from 'preact';
import '../../components/theme.css';
import './review.css';
import { backgroundMessenger } from '../../lib/platform/messaging';
import type { ReviewReply } from '../../lib/platform/protocol';
import { ReviewPage } from './ReviewPage';

const SEVERITIES = ['risk', 'warn', 'info'] as const;

function filterFromQuery(search: string): { ownerId?: string; severity?: (typeof SEVERITIES)[number] } {
  const params = new URLSearchParams(search);
  const owner = params.get('owner')?.trim();
  const severity = SEVERITIES.find((s) => s === params.get('severity'));
  return { ...(owner ? { ownerId: owner } : {}), ...(severity ? { severity } : {}) };
}

async function main(): Promise<void> {
  const root = document.getElementById('app')!;
  const filter = filterFromQuery(location.search);
  render(<ReviewPage reply={null} filter={filter} />, root);
  let reply: ReviewReply;
  try {
    reply = await backgroundMessenger.sendMessage('getReviewDeals', filter);
  } catch (error) {
    reply = { kind: 'error', errorKind: 'internal', message: `Deal Coach could not load the review: ${error instanceof Error ? error.message : String(error)}` };
  }
  render(<ReviewPage reply={reply} filter={filter} />, root);
}

void main();
