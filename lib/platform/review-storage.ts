/**
 * What the review page keeps in extension storage: the column mapping confirmed for each CSV
 * export format (key: lib/import exportFormatKey), and the manager's coverage target.
 * Read through zod: a tampered or outdated value is ignored.
 */
import { storage } from 'wxt/utils/storage';
import { ColumnMapping } from '../import/mapping';

const mappingsItem = storage.defineItem<Record<string, unknown>>('local:reviewMappings', { fallback: {} });
const targetItem = storage.defineItem<number | null>('local:reviewTarget', { fallback: null });

export async function rememberedMapping(formatKey: string): Promise<ColumnMapping | null> {
  const all = await mappingsItem.getValue();
  const parsed = ColumnMapping.safeParse(all[formatKey]);
  return parsed.success ? parsed.data : null;
}

export async function rememberMapping(formatKey: string, mapping: ColumnMapping): Promise<void> {
  const all = await mappingsItem.getValue();
  await mappingsItem.setValue({ ...all, [formatKey]: ColumnMapping.parse(mapping) });
}

export async function coverageTarget(): Promise<number | null> {
  const value = await targetItem.getValue();
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
}

export async function saveCoverageTarget(value: number | null): Promise<void> {
  await targetItem.setValue(value);
}
