import type { ColumnMapping } from '../../lib/import/mapping';
import type { Settings } from '../../lib/model';
import type { ReviewImport } from '../../lib/review/import';
import type { ReviewRow } from '../../lib/review/rows';

export interface WorkerRequest {
  text: string;
  teamsText: string | null;
  mapping: ColumnMapping;
  source: string;
  today: string;
  settings: Settings;
}

export type WorkerReply =
  | { kind: 'progress'; fraction: number; label: string }
  | { kind: 'done'; imported: ReviewImport; rows: ReviewRow[] }
  | { kind: 'error'; message: string };
