import type { ColumnMapping, DealField } from '../../lib/import/mapping';
import type { CsvPreview } from '../../lib/review/import';

/** Deal fields offered in the mapping form, in the order a person checks them. */
const FIELDS: Array<{ field: DealField; label: string; required?: boolean }> = [
  { field: 'id', label: 'Deal id' },
  { field: 'name', label: 'Deal name' },
  { field: 'owner', label: 'Owner', required: true },
  { field: 'stage', label: 'Stage', required: true },
  { field: 'amount', label: 'Amount' },
  { field: 'account', label: 'Account' },
  { field: 'createdAt', label: 'Created date' },
  { field: 'closeDate', label: 'Close date' },
  { field: 'team', label: 'Team / manager' },
  { field: 'product', label: 'Product' },
  { field: 'nextStep', label: 'Next step' },
];

export interface ImportDraft {
  fileName: string;
  preview: CsvPreview;
  mapping: ColumnMapping;
  remembered: boolean;
  teamsFileName: string | null;
}

export function ImportPanel({
  draft,
  progress,
  error,
  onFiles,
  onMapping,
  onImport,
  onCancel,
}: {
  draft: ImportDraft | null;
  progress: { fraction: number; label: string } | null;
  error: string | null;
  onFiles(files: File[]): void;
  onMapping(mapping: ColumnMapping): void;
  onImport(): void;
  onCancel(): void;
}) {
  const setColumn = (field: DealField, header: string) => {
    if (!draft) return;
    const columns = { ...draft.mapping.columns };
    if (header === '') delete columns[field];
    else columns[field] = header;
    onMapping({ ...draft.mapping, columns });
  };
  return (
    <section class="rv-panel rv-import" aria-labelledby="rv-import-title">
      <div class="rv-panel__head">
        <h2 id="rv-import-title">Import a CSV report export</h2>
        <span class="rv-muted">Salesforce and HubSpot report exports and the Maven format are read as they are. Add sales_teams.csv to group Maven reps by manager.</span>
      </div>
      <label class="rv-file">
        <span class="rv-btn">Choose CSV files…</span>
        <input
          type="file"
          accept=".csv,text/csv,text/plain"
          multiple
          data-testid="csv-input"
          onChange={(e) => {
            const files = [...((e.currentTarget as HTMLInputElement).files ?? [])];
            if (files.length) onFiles(files);
          }}
        />
      </label>
      {error && (
        <p class="rv-error" role="alert">
          {error}
        </p>
      )}
      {draft && (
        <div class="rv-import__draft">
          <p>
            <strong>{draft.fileName}</strong> · {draft.preview.presetLabel ? `detected: ${draft.preview.presetLabel}` : 'unknown export format: check the mapping'} · delimiter{' '}
            <code>{draft.preview.delimiter === '\t' ? 'tab' : draft.preview.delimiter}</code>
            {draft.remembered && ' · using the mapping you confirmed for this export format'}
            {draft.teamsFileName && ` · teams from ${draft.teamsFileName}`}
          </p>
          <div class="rv-mapping">
            {FIELDS.map(({ field, label, required }) => (
              <label key={field} class="rv-field">
                {label}
                {required && ' *'}
                <select value={draft.mapping.columns[field] ?? ''} onChange={(e) => setColumn(field, (e.currentTarget as HTMLSelectElement).value)}>
                  <option value="">— not in this file —</option>
                  {draft.preview.header.map((h) => (
                    <option key={h} value={h}>
                      {h}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          <div class="rv-scroll-x">
            <table class="rv-preview" aria-label="First rows of the file">
              <thead>
                <tr>
                  {draft.preview.header.map((h) => {
                    const field = (Object.entries(draft.mapping.columns) as Array<[DealField, string]>).find(([, c]) => c === h)?.[0];
                    return (
                      <th key={h} scope="col">
                        {h}
                        <span class="rv-sub">{field ? `→ ${FIELDS.find((f) => f.field === field)?.label ?? field}` : 'not used'}</span>
                      </th>
                    );
                  })}
                </tr>
              </thead>
              <tbody>
                {draft.preview.rows.map((row, i) => (
                  <tr key={i}>
                    {row.map((cell, j) => (
                      <td key={j}>{cell}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div class="rv-actions">
            <button type="button" class="rv-btn rv-btn--primary" onClick={onImport} disabled={progress !== null || !draft.mapping.columns.owner || !draft.mapping.columns.stage}>
              Import deals
            </button>
            <button type="button" class="rv-btn rv-btn--ghost" onClick={onCancel} disabled={progress !== null}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {progress && (
        <div class="rv-progress" role="status">
          <progress max={1} value={progress.fraction} aria-label="Import progress" /> {progress.label}… {Math.round(progress.fraction * 100)}%
        </div>
      )}
    </section>
  );
}
