/**
 * The manager's review page: the team's open deals from the CRM (through the background) or from
 * an imported CSV export (parsed in a Web Worker), with team metrics, "changed since last review"
 * against a saved snapshot, CSV export and a print view. Logic lives in lib/review.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ChangesPanel } from '../../components/review/ChangesPanel';
import { DealDetail } from '../../components/review/DealDetail';
import { DealTable } from '../../components/review/DealTable';
import { ImportPanel, type ImportDraft } from '../../components/review/ImportPanel';
import { TeamPanel } from '../../components/review/TeamPanel';
import { formatAge, formatCount, formatDate, formatMoney } from '../../lib/format';
import { buildCoachingView } from '../../lib/coaching/engine';
import { DEFAULT_SETTINGS, type Deal, type Settings, type Severity } from '../../lib/model';
import type { ColumnMapping } from '../../lib/import/mapping';
import { backgroundMessenger } from '../../lib/platform/messaging';
import { readPolicy, watchPolicy } from '../../lib/platform/policy';
import type { TeamReviewReply } from '../../lib/platform/protocol';
import { coverageTarget, rememberMapping, rememberedMapping, saveCoverageTarget } from '../../lib/platform/review-storage';
import { diffSnapshot, snapshotOf, type ReviewSnapshot } from '../../lib/review/diff';
import { rowsToCsv } from '../../lib/review/export';
import { previewCsv, type ReviewImport } from '../../lib/review/import';
import { teamMetrics } from '../../lib/review/metrics';
import { CLOSE_PERIOD_LABEL, buildReviewModel, coachingContexts, type ClosePeriod, type ReviewRow } from '../../lib/review/rows';
import { facets, filterRows, sortRows, type ReviewFilter, type Sort } from '../../lib/review/table';
import type { WorkerReply, WorkerRequest } from './worker-protocol';
import CsvWorker from './csv.worker.ts?worker';

interface Source {
  kind: 'crm' | 'csv';
  scope: string;
  /** "Demo CRM · Melvin Marxen's team", "sales_pipeline.csv". */
  label: string;
  detail: string;
  deals: Deal[];
  rows: ReviewRow[];
  now: string;
  settings: Settings;
  teamOf: (owner: string) => string | null;
  /** Owner ids of the CRM team (for the team filter of a CRM review). */
  stale?: boolean;
  notice?: string;
}

const SEVERITIES = ['risk', 'warn', 'info'] as const;

export function initialFilter(search: string): ReviewFilter {
  const params = new URLSearchParams(search);
  const owner = params.get('owner')?.trim();
  const severity = SEVERITIES.find((s) => s === params.get('severity'));
  return { ...(owner ? { owner } : {}), ...(severity ? { severity } : {}) };
}

export function ReviewApp() {
  const [source, setSource] = useState<Source | null>(null);
  const [crmMessage, setCrmMessage] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [filter, setFilter] = useState<ReviewFilter>(() => initialFilter(location.search));
  const [sort, setSort] = useState<Sort>({ key: 'flags', dir: 'desc' });
  const [selected, setSelected] = useState<string | null>(null);
  const [snapshot, setSnapshot] = useState<ReviewSnapshot | null>(null);
  const [onlyChanged, setOnlyChanged] = useState(false);
  const [target, setTarget] = useState<number | null>(null);
  const [draft, setDraft] = useState<ImportDraft | null>(null);
  const [fileTexts, setFileTexts] = useState<{ pipeline: string; teams: string | null } | null>(null);
  const [progress, setProgress] = useState<{ fraction: number; label: string } | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const [showImport, setShowImport] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);
  // Admin policy may turn CSV import off for the team.
  const [csvDisabled, setCsvDisabled] = useState(false);

  useEffect(() => {
    void coverageTarget().then(setTarget);
    void readPolicy().then((p) => setCsvDisabled(p.disableCsvImport === true));
    const unwatchPolicy = watchPolicy((p) => setCsvDisabled(p.disableCsvImport === true));
    void loadCrm(false);
    return unwatchPolicy;
  }, []);

  async function loadCrm(force: boolean): Promise<void> {
    setLoading(true);
    let reply: TeamReviewReply;
    try {
      reply = await backgroundMessenger.sendMessage('getTeamReview', force ? { force: true } : {});
    } catch (error) {
      reply = { kind: 'error', errorKind: 'internal', message: `Deal Coach could not load the review: ${error instanceof Error ? error.message : String(error)}` };
    }
    setLoading(false);
    if (reply.kind !== 'ready') {
      setCrmMessage(reply.message);
      if (!source) setShowImport(true);
      return;
    }
    const now = new Date().toISOString();
    const teamName = reply.teamOwnerIds.length > 0 ? `${reply.manager.name}'s team` : reply.manager.name;
    const members = new Set([reply.manager.id, ...reply.teamOwnerIds]);
    const teamOf = (owner: string) => (reply.deals.some((d) => d.owner.name === owner && members.has(d.owner.id)) ? teamName : null);
    const model = buildReviewModel(reply.deals, { settings: reply.settings, now, teamOf });
    setCrmMessage(null);
    applySource({
      kind: 'crm',
      scope: reply.scope,
      label: `${reply.crmLabel} · ${teamName}`,
      detail: `data from ${formatAge(reply.source.fetchedAt, now)}`,
      deals: reply.deals,
      rows: model.rows,
      now,
      settings: reply.settings,
      teamOf,
      stale: reply.source.stale,
      ...(reply.notice ? { notice: reply.notice } : {}),
    });
  }

  async function applySource(next: Source): Promise<void> {
    setSource(next);
    setSelected(null);
    const reply = await backgroundMessenger.sendMessage('getReviewSnapshot', { scope: next.scope }).catch(() => null);
    setSnapshot(reply?.kind === 'ready' ? reply.snapshot : null);
  }

  async function onFiles(files: File[]): Promise<void> {
    if (csvDisabled) return;
    setImportError(null);
    try {
      const texts = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
      const previews = texts.map((t) => ({ ...t, preview: previewCsv(t.text) }));
      const teams = previews.find((p) => p.preview.kind === 'teams');
      const pipeline = previews.find((p) => p.preview.kind === 'pipeline');
      if (!pipeline) {
        setImportError('None of these files is a deals export (only a teams file was chosen).');
        return;
      }
      if (pipeline.preview.header.length === 0) {
        setImportError(`${pipeline.name} is empty.`);
        return;
      }
      const remembered = await rememberedMapping(pipeline.preview.formatKey);
      setFileTexts({ pipeline: pipeline.text, teams: teams?.text ?? null });
      setDraft({ fileName: pipeline.name, preview: pipeline.preview, mapping: remembered ?? pipeline.preview.mapping, remembered: remembered !== null, teamsFileName: teams?.name ?? null });
    } catch (error) {
      setImportError(`The file could not be read: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  function runImport(): void {
    if (!draft || !fileTexts) return;
    const settings = source?.settings ?? DEFAULT_SETTINGS;
    setProgress({ fraction: 0, label: 'Reading rows' });
    const worker = new CsvWorker();
    const request: WorkerRequest = { text: fileTexts.pipeline, teamsText: fileTexts.teams, mapping: draft.mapping, source: draft.fileName, today: new Date().toISOString().slice(0, 10), settings };
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const m = event.data;
      if (m.kind === 'progress') setProgress({ fraction: m.fraction, label: m.label });
      else {
        worker.terminate();
        setProgress(null);
        if (m.kind === 'error') setImportError(`Import failed: ${m.message}`);
        else void finishImport(draft, m.imported, m.rows, settings);
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      setProgress(null);
      setImportError(`Import failed: ${event.message}`);
    };
    worker.postMessage(request);
  }

  async function finishImport(d: ImportDraft, imported: ReviewImport, rows: ReviewRow[], settings: Settings): Promise<void> {
    await rememberMapping(d.preview.formatKey, d.mapping).catch(() => undefined);
    const q = imported.quality;
    const skipped = q.rowsRead - q.rowsImported;
    setDraft(null);
    setShowImport(false);
    setFilter({});
    setStatus(`Imported ${formatCount(q.rowsImported)} deals from ${d.fileName}${skipped ? `; ${formatCount(skipped)} rows skipped (${q.skipped.map((s) => `${s.reason}: ${s.count}`).join('; ')})` : ''}.`);
    void applySource({
      kind: 'csv',
      scope: `csv:${d.preview.formatKey}`,
      label: d.fileName,
      detail: `${formatCount(q.rowsImported)} deals · as of ${formatDate(imported.asOf)} (latest date in the file)`,
      deals: imported.deals,
      rows,
      now: `${imported.asOf}T23:59:59Z`,
      settings,
      teamOf: (owner) => imported.teams[owner] ?? null,
    });
  }

  // Derived data.
  const diff = useMemo(() => {
    if (!source || !snapshot) return null;
    const closed = new Map<string, 'won' | 'lost'>();
    for (const d of source.deals) if (d.stage.category !== 'open') closed.set(d.ref.id, d.stage.category);
    return diffSnapshot(snapshot, source.rows, closed);
  }, [source, snapshot]);
  const changedIds = useMemo(() => new Set(diff?.deals.map((d) => d.id) ?? []), [diff]);
  const effectiveFilter = useMemo<ReviewFilter>(() => (onlyChanged && diff ? { ...filter, ids: changedIds } : filter), [filter, onlyChanged, diff, changedIds]);
  const rows = useMemo(() => (source ? sortRows(filterRows(source.rows, effectiveFilter), sort) : []), [source, effectiveFilter, sort]);
  const menus = useMemo(() => facets(source?.rows ?? []), [source]);
  const metricDeals = useMemo(() => {
    if (!source) return [];
    if (filter.owner === undefined && filter.team === undefined) return source.deals;
    return source.deals.filter((d) => (filter.owner === undefined || d.owner.id === filter.owner) && (filter.team === undefined || source.teamOf(d.owner.name) === filter.team));
  }, [source, filter.owner, filter.team]);
  const metrics = useMemo(() => (source ? teamMetrics(metricDeals, { now: source.now, target, thresholds: source.settings.thresholds }) : null), [metricDeals, source, target]);
  const contexts = useMemo(() => (source ? coachingContexts(source.deals, { settings: source.settings, now: source.now, teamOf: source.teamOf }) : null), [source]);
  const selectedView = useMemo(() => {
    if (!source || !selected || !contexts) return null;
    const deal = source.deals.find((d) => d.ref.id === selected);
    return deal ? buildCoachingViewFor(deal, contexts) : null;
  }, [source, selected, contexts]);
  const currency = source?.deals.find((d) => d.currency)?.currency ?? null;

  const set = (patch: Partial<ReviewFilter>) => {
    const next: ReviewFilter = { ...filter, ...patch };
    for (const k of Object.keys(next) as Array<keyof ReviewFilter>) if (next[k] === undefined || next[k] === '') delete next[k];
    setFilter(next);
  };

  async function saveSnapshot(): Promise<void> {
    if (!source) return;
    const snap = snapshotOf(source.rows, { scope: source.scope, savedAt: new Date().toISOString(), asOf: source.now, label: source.label });
    const reply = await backgroundMessenger.sendMessage('saveReviewSnapshot', { snapshot: snap }).catch((e: unknown) => ({ kind: 'error' as const, message: String(e) }));
    if (reply.kind === 'saved') {
      setStatus(`Review snapshot saved (${formatCount(snap.deals.length)} open deals). Next time, this page lists what changed since.`);
      setSnapshot({ ...snap, savedAt: reply.savedAt });
      setOnlyChanged(false);
    } else setStatus(`The snapshot could not be saved: ${reply.message}`);
  }

  function exportCsv(): void {
    const blob = new Blob(['\ufeff', rowsToCsv(rows)], { type: 'text/csv;charset=utf-8' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `deal-review-${new Date().toISOString().slice(0, 10)}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  }

  function print(): void {
    setPrinting(true);
    setTimeout(() => {
      window.print();
      setPrinting(false);
    }, 50);
  }

  const filtered = source ? rows.length !== source.rows.length : false;

  return (
    <main class="dc-theme review" data-theme="auto">
      <header class="rv-header">
        <div>
          <h1>Deal review</h1>
          {source ? (
            <p class="rv-muted rv-source" data-source={source.kind}>
              <strong>{source.label}</strong> · {source.detail}
              {source.stale ? ' (stale)' : ''} · {formatCount(source.rows.length)} open deals
            </p>
          ) : (
            <p class="rv-muted">{loading ? 'Loading your team’s deals…' : 'No data yet'}</p>
          )}
        </div>
        <div class="rv-actions rv-noprint">
          {source?.kind === 'crm' && (
            <button type="button" class="rv-btn" onClick={() => void loadCrm(true)} disabled={loading}>
              {loading ? 'Refreshing…' : 'Refresh from CRM'}
            </button>
          )}
          {source?.kind === 'csv' && (
            <button type="button" class="rv-btn" onClick={() => void loadCrm(false)} disabled={loading}>
              Back to CRM data
            </button>
          )}
          <button
            type="button"
            class="rv-btn"
            aria-expanded={showImport && !csvDisabled}
            disabled={csvDisabled}
            title={csvDisabled ? 'CSV import is disabled by your administrator.' : undefined}
            onClick={() => setShowImport(!showImport)}
          >
            Import CSV…
          </button>
          <button type="button" class="rv-btn" onClick={() => void saveSnapshot()} disabled={!source}>
            Save review snapshot
          </button>
          <button type="button" class="rv-btn" onClick={exportCsv} disabled={!source || rows.length === 0}>
            Export CSV
          </button>
          <button type="button" class="rv-btn" onClick={print} disabled={!source}>
            Print
          </button>
        </div>
      </header>
      {status && (
        <p class="rv-status" role="status">
          {status}
        </p>
      )}
      {source?.notice && <p class="rv-status rv-status--warn">{source.notice}</p>}
      {crmMessage && !source && <p class="rv-status">{crmMessage}</p>}
      {csvDisabled && (showImport || !source) && (
        <p class="rv-status" role="status">
          CSV import is disabled by your administrator.
        </p>
      )}
      {showImport && !csvDisabled && (
        <ImportPanel
          draft={draft}
          progress={progress}
          error={importError}
          onFiles={(files) => void onFiles(files)}
          onMapping={(mapping: ColumnMapping) => draft && setDraft({ ...draft, mapping, remembered: false })}
          onImport={runImport}
          onCancel={() => {
            setDraft(null);
            setShowImport(false);
          }}
        />
      )}
      {source && diff && <ChangesPanel diff={diff} now={new Date().toISOString()} onlyChanged={onlyChanged} onToggleOnlyChanged={() => setOnlyChanged(!onlyChanged)} onOpen={setSelected} />}
      {source && metrics && (
        <TeamPanel
          metrics={metrics}
          currency={currency}
          target={target}
          onTarget={(v) => {
            setTarget(v);
            void saveCoverageTarget(v);
          }}
          scopeLabel={filter.owner ? (menus.owners.find((o) => o.id === filter.owner)?.name ?? filter.owner) : (filter.team ?? source.label)}
        />
      )}
      {source && (
        <section class="rv-panel rv-deals" aria-labelledby="rv-deals-title">
          <div class="rv-panel__head">
            <h2 id="rv-deals-title">Open deals</h2>
            <span class="rv-muted" data-testid="row-count">
              {formatCount(rows.length)} of {formatCount(source.rows.length)} shown · {formatMoney(sum(rows), currency, { compact: true })} open value
            </span>
          </div>
          <div class="rv-filters rv-noprint" role="search">
            <label class="rv-field rv-field--grow">
              Search
              <input type="search" placeholder="Deal, account, owner, id…" value={filter.search ?? ''} onInput={(e) => set({ search: (e.currentTarget as HTMLInputElement).value })} />
            </label>
            <Select label="Team" value={filter.team} onChange={(v) => set({ team: v })} options={menus.teams.map((t) => [t.name, `${t.name} (${t.count})`])} />
            <Select label="Owner" value={filter.owner} onChange={(v) => set({ owner: v })} options={menus.owners.map((o) => [o.id, `${o.name} (${o.count})`])} />
            <Select label="Stage" value={filter.stage} onChange={(v) => set({ stage: v })} options={menus.stages.map((s) => [s.name, `${s.name} (${s.count})`])} />
            <Select label="Finding" value={filter.flag} onChange={(v) => set({ flag: v })} options={menus.flags.map((f) => [f.ruleId, `${f.title} (${f.count})`])} />
            <Select
              label="Severity"
              value={filter.severity}
              onChange={(v) => set({ severity: v as Severity | undefined })}
              options={[
                ['risk', 'With a risk'],
                ['warn', 'Risk or warning'],
                ['info', 'Any finding'],
              ]}
            />
            <Select
              label="Amount band"
              value={filter.band}
              onChange={(v) => set({ band: v as ReviewFilter['band'] })}
              options={[
                ['rock', 'Rocks (largest third)'],
                ['stone', 'Stones'],
                ['pebble', 'Pebbles'],
                ['unknown', 'Amount unknown'],
              ]}
            />
            <Select label="Close" value={filter.close} onChange={(v) => set({ close: v as ClosePeriod | undefined })} options={(Object.keys(CLOSE_PERIOD_LABEL) as ClosePeriod[]).map((k) => [k, CLOSE_PERIOD_LABEL[k]])} />
            {(filtered || Object.keys(filter).length > 0) && (
              <button type="button" class="rv-btn rv-btn--ghost" onClick={() => setFilter({})}>
                Clear filters
              </button>
            )}
          </div>
          {rows.length === 0 ? (
            <p class="rv-muted rv-empty">No open deal matches these filters.</p>
          ) : (
            <DealTable rows={rows} sort={sort} onSort={setSort} onOpen={(r) => setSelected(r.id)} selectedId={selected} renderAll={printing} changedIds={diff ? changedIds : undefined} />
          )}
        </section>
      )}
      {selectedView && source && <DealDetail view={selectedView} now={source.now} onClose={() => setSelected(null)} />}
    </main>
  );
}

function buildCoachingViewFor(deal: Deal, contexts: ReturnType<typeof coachingContexts>) {
  // The same coaching the sidebar shows, against the owner's benchmarks.
  return buildCoachingView(deal, contexts.contextFor(deal.owner.id, deal.owner.name));
}

function sum(rows: readonly ReviewRow[]): number {
  let total = 0;
  for (const r of rows) total += r.amount ?? 0;
  return total;
}

function Select({ label, value, onChange, options }: { label: string; value: string | undefined; onChange(v: string | undefined): void; options: Array<[string, string]> }) {
  return (
    <label class="rv-field">
      {label}
      <select aria-label={label} value={value ?? ''} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value || undefined)}>
        <option value="">All</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
