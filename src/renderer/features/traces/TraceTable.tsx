// The virtualized traces table: renders only visible rows, fetches the next keyset page near the end.
// Imports: react, @tanstack/react-table, @tanstack/react-virtual, trace-columns, the traces and imports stores.
import { useTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type CSSProperties, type ReactElement } from 'react';
import { useImportsStore } from './imports-store.ts';
import { useTracesStore } from './traces-store.ts';
import { NUMERIC_COLUMNS, traceColumns, traceGridTemplate, traceMinWidth, traceTableFeatures } from './trace-columns.tsx';
import type { TraceSummary } from '../../../shared/contract/index.ts';

const ROW_HEIGHT = 34;
/** Start fetching the next page this many rows before the loaded end, so scrolling rarely waits. */
const PREFETCH_ROWS = 40;

const getRowId = (row: TraceSummary) => String(row.id);
// Set through the CSSOM (allowed by the strict CSP), read by every row's grid.
const gridStyle = { '--trace-grid': traceGridTemplate, '--trace-min-width': `${traceMinWidth}px` } as CSSProperties;

export function TraceTable(): ReactElement {
  const items = useTracesStore((s) => s.list.items);
  const hasMore = useTracesStore((s) => s.list.nextCursor !== null);
  const loading = useTracesStore((s) => s.list.loading);
  const selectedId = useTracesStore((s) => s.detail.id);
  const select = useTracesStore((s) => s.select);
  const loadMore = useTracesStore((s) => s.loadMore);
  const closeFilesPanel = useImportsStore((s) => s.setPanelOpen);

  const table = useTable({ features: traceTableFeatures, columns: traceColumns, data: items, getRowId });
  const rows = table.getRowModel().rows;

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    // One extra row shows "Loading more…" while there are further pages.
    count: rows.length + (hasMore ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems[virtualItems.length - 1]?.index ?? 0;

  useEffect(() => {
    if (hasMore && !loading && lastIndex >= rows.length - PREFETCH_ROWS) void loadMore();
  }, [hasMore, loading, lastIndex, rows.length, loadMore]);

  // Keyboard selection (j / k) scrolls the selected row into view.
  const selectedIndex = selectedId === null ? -1 : rows.findIndex((r) => r.original.id === selectedId);
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  return (
    <div className="trace-table" role="table" aria-label="Traces" aria-rowcount={rows.length} style={gridStyle} ref={scrollRef} data-testid="trace-table">
      <div className="trace-row trace-head" role="row">
        {table.getHeaderGroups()[0]?.headers.map((header) => (
          <div key={header.id} role="columnheader" data-col={header.column.id} className={`trace-cell${NUMERIC_COLUMNS.has(header.column.id) ? ' num' : ''}`}>
            <table.FlexRender header={header} />
          </div>
        ))}
      </div>
      <div className="trace-body" style={{ height: virtualizer.getTotalSize() }}>
        {virtualItems.map((v) => {
          const row = rows[v.index];
          const style = { transform: `translateY(${v.start}px)`, height: ROW_HEIGHT };
          if (!row) {
            return (
              <div key="loader" className="trace-row trace-loader" style={style} role="row">
                <span className="muted">Loading more…</span>
              </div>
            );
          }
          const selected = row.original.id === selectedId;
          return (
            <div
              key={row.id}
              className="trace-row"
              role="row"
              aria-selected={selected}
              data-testid="trace-row"
              data-trace-id={row.original.id}
              style={style}
              onClick={() => {
                closeFilesPanel(false);
                select(selected ? null : row.original.id);
              }}
            >
              {row.getAllCells().map((cell) => (
                <div key={cell.id} role="cell" data-col={cell.column.id} className={`trace-cell${NUMERIC_COLUMNS.has(cell.column.id) ? ' num' : ''}`}>
                  <table.FlexRender cell={cell} />
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}
