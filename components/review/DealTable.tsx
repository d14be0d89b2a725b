import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ReviewRow } from '../../lib/review/rows';
import { RULE_LABEL, visibleRange, type Sort, type SortKey } from '../../lib/review/table';
import { crmLink, formatDate, formatMoney, NONE } from '../../lib/format';

/** Fixed row height (px): the table renders only the rows in view (DESIGN: 20,000 rows scroll smoothly). */
export const ROW_HEIGHT = 46;
/** Up to this many rows are all rendered (cheap, and every row is in the page for find-in-page). */
export const RENDER_ALL_UP_TO = 400;

const SEV_LABEL = { risk: 'Risk', warn: 'Warning', info: 'Note' } as const;

interface Column {
  key: SortKey;
  label: string;
  width: number;
  num?: boolean;
  title?: string;
}

const COLUMNS: Column[] = [
  { key: 'name', label: 'Deal', width: 240 },
  { key: 'owner', label: 'Owner', width: 140 },
  { key: 'stage', label: 'Stage', width: 100 },
  { key: 'amount', label: 'Amount', width: 90, num: true },
  { key: 'age', label: 'Age vs cycle', width: 105, title: 'Days open against the typical won cycle (median)' },
  { key: 'closeDate', label: 'Close date', width: 105 },
  { key: 'pushCount', label: 'Pushes', width: 64, num: true },
  { key: 'qualification', label: 'Qualified', width: 80, title: 'Tracked playbook questions answered' },
  { key: 'people', label: 'Key people', width: 84, title: 'Key stakeholders (economic buyer, decision maker, champion) reached' },
  { key: 'flags', label: 'Findings', width: 290 },
];

export interface DealTableProps {
  rows: ReviewRow[];
  sort: Sort;
  onSort(sort: Sort): void;
  onOpen(row: ReviewRow): void;
  selectedId: string | null;
  /** Print: every row, no scrolling container. */
  renderAll?: boolean;
  changedIds?: ReadonlySet<string>;
}

export function DealTable({ rows, sort, onSort, onOpen, selectedId, renderAll, changedIds }: DealTableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const [active, setActive] = useState(0);
  const virtual = !renderAll && rows.length > RENDER_ALL_UP_TO;

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setHeight(el.clientHeight || 600);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // A new filter or sort starts at the top.
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
    setActive(0);
  }, [rows]);

  const { start, end } = virtual ? visibleRange(scrollTop, height, ROW_HEIGHT, rows.length) : { start: 0, end: rows.length };
  const shown = rows.slice(start, end);

  const focusRow = (index: number) => {
    const i = Math.max(0, Math.min(rows.length - 1, index));
    setActive(i);
    const el = scroller.current;
    if (el) {
      const top = i * ROW_HEIGHT;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
      setScrollTop(el.scrollTop);
    }
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`tr[data-index="${i}"]`)?.focus());
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const page = Math.max(1, Math.floor(height / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, PageDown: active + page, PageUp: active - page, Home: 0, End: rows.length - 1 };
    if (event.key in moves && !(event.target instanceof HTMLAnchorElement)) {
      event.preventDefault();
      focusRow(moves[event.key]!);
    } else if ((event.key === 'Enter' || event.key === ' ') && event.target instanceof HTMLTableRowElement) {
      event.preventDefault();
      const row = rows[active];
      if (row) onOpen(row);
    }
  };

  const colgroup = (
    <colgroup>
      {COLUMNS.map((c) => (
        <col key={c.key} style={{ width: `${c.width}px` }} />
      ))}
    </colgroup>
  );

  return (
    <div class={`rv-table ${renderAll ? 'rv-table--all' : ''}`}>
      <table class="rv-table__head" aria-hidden="false">
        {colgroup}
        <thead>
          <tr>
            {COLUMNS.map((c) => {
              const current = sort.key === c.key;
              return (
                <th key={c.key} scope="col" class={c.num ? 'num' : ''} aria-sort={current ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'} title={c.title}>
                  <button type="button" class="rv-sort" onClick={() => onSort({ key: c.key, dir: current && sort.dir === 'desc' ? 'asc' : current ? 'desc' : defaultDir(c.key) })}>
                    {c.label}
                    <span class="rv-sort__arrow" aria-hidden="true">
                      {current ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
      </table>
      <div
        class="rv-table__body"
        ref={scroller}
        onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}
        onKeyDown={onKeyDown}
        role="region"
        aria-label={`Open deals, ${rows.length} rows; arrow keys move, Enter opens the coaching`}
      >
        <div style={virtual ? { height: `${rows.length * ROW_HEIGHT}px`, position: 'relative' } : undefined}>
          <table class="review__table" style={virtual ? { transform: `translateY(${start * ROW_HEIGHT}px)` } : undefined}>
            {colgroup}
            <tbody>
              {shown.map((row, i) => (
                <DealRow key={row.id} row={row} index={start + i} active={start + i === active} selected={row.id === selectedId} changed={changedIds?.has(row.id) ?? false} onOpen={onOpen} onFocus={() => setActive(start + i)} />
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );
}

function defaultDir(key: SortKey): 'asc' | 'desc' {
  return key === 'name' || key === 'owner' || key === 'stage' || key === 'closeDate' || key === 'qualification' || key === 'people' ? 'asc' : 'desc';
}

function DealRow({ row, index, active, selected, changed, onOpen, onFocus }: { row: ReviewRow; index: number; active: boolean; selected: boolean; changed: boolean; onOpen(row: ReviewRow): void; onFocus(): void }) {
  const ratio = row.ageDays !== null && row.typicalDays ? row.ageDays / row.typicalDays : null;
  const ageTone = ratio === null ? '' : ratio > 2 ? 'rv-risk' : ratio > 1 ? 'rv-warn' : '';
  const qualShare = row.qualTracked > 0 ? row.qualAnswered / row.qualTracked : null;
  return (
    <tr
      data-index={index}
      data-id={row.id}
      tabIndex={active ? 0 : -1}
      class={`${selected ? 'is-selected' : ''} ${changed ? 'is-changed' : ''}`}
      onClick={(e) => {
        if (!(e.target instanceof HTMLAnchorElement)) onOpen(row);
      }}
      onFocus={onFocus}
      aria-selected={selected}
    >
      <td class="rv-deal">
        {crmLink(row.url) ? (
          <a href={crmLink(row.url)!} target="_blank" rel="noreferrer" title="Open in the CRM">
            {row.name}
          </a>
        ) : (
          <span class="rv-deal__name">{row.name}</span>
        )}
        <span class="rv-sub">{row.account ?? row.id}</span>
      </td>
      <td>
        <span class="rv-ellipsis">{row.ownerName}</span>
        {row.team && <span class="rv-sub">{row.team}</span>}
      </td>
      <td>{row.stage}</td>
      <td class="num">{formatMoney(row.amount, row.currency, { unknown: NONE })}</td>
      <td class={ageTone}>
        {row.ageDays === null ? NONE : `${row.ageDays} d`}
        {row.typicalDays !== null && <span class="rv-sub">typical {Math.round(row.typicalDays)} d</span>}
      </td>
      <td class={row.closePeriod === 'overdue' ? 'rv-risk' : ''}>{row.closeDate ? formatDate(row.closeDate) : NONE}</td>
      <td class={`num ${row.pushCount >= 2 ? 'rv-warn' : ''}`}>{row.pushCount}</td>
      <td>
        {qualShare === null ? (
          <span class="rv-muted" title="No playbook question is tracked in this CRM's fields">n/a</span>
        ) : (
          <span class={qualShare >= 0.8 ? 'rv-ok' : qualShare >= 0.5 ? 'rv-warn' : 'rv-risk'}>
            {row.qualAnswered}/{row.qualTracked}
          </span>
        )}
      </td>
      <td>
        {row.stakeholders === 0 ? (
          <span class="rv-muted">none</span>
        ) : (
          <span class={row.keyTotal > 0 && row.keyReached === row.keyTotal ? 'rv-ok' : 'rv-warn'}>
            {row.keyReached}/{row.keyTotal}
          </span>
        )}
      </td>
      <td>
        {row.flags.length === 0 ? (
          <span class="rv-ok">No findings</span>
        ) : (
          <ul class="review__findings">
            {row.flags.map((f, i) => (
              <li key={`${f.ruleId}:${i}`} class={`review__sev review__sev--${f.severity}`} title={`${SEV_LABEL[f.severity]}: ${f.title}`}>
                <span class="rv-sr">{SEV_LABEL[f.severity]}: </span>
                {RULE_LABEL[f.ruleId] ?? f.title}
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}
