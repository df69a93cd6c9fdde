// The traces table over any number of rows: the scrollbar spans every matching trace from the first paint
// (scaled past what one element can hold), only the rows in view are in the DOM, and the rows they show are
// fetched by position. Imports: react, @tanstack/react-table, lib/scaled-scroll, trace-columns, the stores.
import { useTable } from '@tanstack/react-table';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type ReactElement } from 'react';
import { scrollHeight, scrollTopFor, visibleRows } from '../../lib/scaled-scroll.ts';
import { useImportsStore } from './imports-store.ts';
import { rowAt, useTracesStore } from './traces-store.ts';
import { NUMERIC_COLUMNS, traceColumns, traceGridTemplate, traceMinWidth, traceTableFeatures } from './trace-columns.tsx';
import type { TraceSummary } from '../../../shared/contract/index.ts';

const ROW_HEIGHT = 34;
/** The sticky header row (see .trace-head); rows show below it. */
const HEAD_HEIGHT = 32;
/** Rows rendered beyond each edge of the view, so a small scroll shows rows already laid out. */
const OVERSCAN = 8;

const getRowId = (row: TraceSummary) => String(row.id);
// Set through the CSSOM (allowed by the strict CSP), read by every row's grid.
const gridStyle = { '--trace-grid': traceGridTemplate, '--trace-min-width': `${traceMinWidth}px` } as CSSProperties;

export function TraceTable(): ReactElement {
  const total = useTracesStore((s) => s.list.total) ?? 0;
  const loadedRows = useTracesStore((s) => s.list.rows);
  const generation = useTracesStore((s) => s.list.generation);
  const selectedId = useTracesStore((s) => s.detail.id);
  const selectedIndex = useTracesStore((s) => s.detail.index);
  const select = useTracesStore((s) => s.select);
  const showRows = useTracesStore((s) => s.showRows);
  const closeFilesPanel = useImportsStore((s) => s.setPanelOpen);

  const scrollRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const measure = () => setViewport(Math.max(ROW_HEIGHT, el.clientHeight - HEAD_HEIGHT));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const geometry = useMemo(() => ({ rowHeight: ROW_HEIGHT, total, viewport }), [total, viewport]);
  const visible = visibleRows(scrollTop, geometry);
  const first = Math.max(0, visible.first - OVERSCAN);
  const end = Math.min(total, visible.end + OVERSCAN);

  // A new filter starts at the top.
  useLayoutEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
    setScrollTop(0);
  }, [generation]);

  useEffect(() => {
    if (total > 0) showRows(visible.first, visible.end);
  }, [visible.first, visible.end, total, generation, showRows]);

  // Keyboard selection (j / k) scrolls the selected row into view.
  useEffect(() => {
    const el = scrollRef.current;
    if (!el || selectedIndex === null || selectedIndex >= geometry.total) return;
    const target = scrollTopFor(selectedIndex, el.scrollTop, geometry);
    if (target !== el.scrollTop) el.scrollTop = target;
  }, [selectedIndex, geometry]);

  // react-table lays out only the rows in view that have arrived.
  const loaded = useMemo(() => {
    const out: TraceSummary[] = [];
    for (let i = first; i < end; i++) {
      const row = rowAt({ rows: loadedRows }, i);
      if (row) out.push(row);
    }
    return out;
  }, [loadedRows, first, end]);
  const table = useTable({ features: traceTableFeatures, columns: traceColumns, data: loaded, getRowId });
  const byId = new Map(table.getRowModel().rows.map((r) => [r.original.id, r]));

  const rows: ReactElement[] = [];
  for (let i = first; i < end; i++) {
    const summary = rowAt({ rows: loadedRows }, i);
    const row = summary ? byId.get(summary.id) : undefined;
    const style = { transform: `translateY(${visible.top(i)}px)`, height: ROW_HEIGHT };
    if (!row) {
      rows.push(
        <div key={`pending-${i}`} className="trace-row trace-pending" role="row" aria-rowindex={i + 2} aria-busy="true" data-testid="trace-row-pending" data-row-index={i} style={style}>
          <span className="trace-pending-bar" />
        </div>,
      );
      continue;
    }
    const selected = row.original.id === selectedId;
    rows.push(
      <div
        key={row.id}
        className="trace-row"
        role="row"
        aria-rowindex={i + 2}
        aria-selected={selected}
        data-testid="trace-row"
        data-row-index={i}
        data-trace-id={row.original.id}
        style={style}
        onClick={() => {
          closeFilesPanel(false);
          select(selected ? null : row.original.id, i);
        }}
      >
        {row.getAllCells().map((cell) => (
          <div key={cell.id} role="cell" data-col={cell.column.id} className={`trace-cell${NUMERIC_COLUMNS.has(cell.column.id) ? ' num' : ''}`}>
            <table.FlexRender cell={cell} />
          </div>
        ))}
      </div>,
    );
  }

  return (
    <div
      className="trace-table"
      role="table"
      aria-label="Traces"
      aria-rowcount={total + 1}
      style={gridStyle}
      ref={scrollRef}
      data-testid="trace-table"
      data-first-row={visible.first}
      // How many rows are held in memory: a window around the view, however far the user went.
      data-loaded-rows={Object.keys(loadedRows).length}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      <div className="trace-row trace-head" role="row" aria-rowindex={1}>
        {table.getHeaderGroups()[0]?.headers.map((header) => (
          <div key={header.id} role="columnheader" data-col={header.column.id} className={`trace-cell${NUMERIC_COLUMNS.has(header.column.id) ? ' num' : ''}`}>
            <table.FlexRender header={header} />
          </div>
        ))}
      </div>
      <div className="trace-body" style={{ height: scrollHeight(geometry) }}>
        {rows}
      </div>
    </div>
  );
}
