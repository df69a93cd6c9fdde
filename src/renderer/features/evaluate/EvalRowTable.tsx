// The run's rows under the chosen filter, virtualized (only rows in view render; the next keyset page loads
// near the end), laid out by react-table; a click (or j / k) opens a row, the box ticks it for the row actions.
// Imports: react, @tanstack/react-table, @tanstack/react-virtual, the rows store, ./eval-row-columns.tsx.
import { useTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, type CSSProperties, type ReactElement } from 'react';
import { useEvalRowsStore } from './eval-rows-store.ts';
import { evalGrid, evalRowColumns, evalRowFeatures } from './eval-row-columns.tsx';
import type { EvalRowView } from '../../../shared/contract/index.ts';

const ROW_HEIGHT = 34;
const PREFETCH_ROWS = 40;
const getRowId = (row: EvalRowView) => String(row.rowKey);

export function EvalRowTable({ models, hasBaseline }: { models: readonly string[]; hasBaseline: boolean }): ReactElement {
  const items = useEvalRowsStore((s) => s.items);
  const hasMore = useEvalRowsStore((s) => s.nextCursor !== null);
  const loading = useEvalRowsStore((s) => s.loading);
  const index = useEvalRowsStore((s) => s.index);
  const ticked = useEvalRowsStore((s) => s.ticked);
  const filter = useEvalRowsStore((s) => s.filter);
  const goTo = useEvalRowsStore((s) => s.goTo);
  const close = useEvalRowsStore((s) => s.close);
  const tick = useEvalRowsStore((s) => s.tick);
  const loadMore = useEvalRowsStore((s) => s.loadMore);

  const columns = useMemo(() => evalRowColumns(models, hasBaseline), [models, hasBaseline]);
  const grid = useMemo(() => evalGrid(models.length, hasBaseline), [models.length, hasBaseline]);
  const gridStyle = { '--eval-grid': grid.template, '--eval-min-width': `${grid.minWidth}px` } as CSSProperties;
  const table = useTable({ features: evalRowFeatures, columns, data: items, getRowId });

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length + (hasMore ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // The sticky header sits above the rows inside the scroller.
    paddingStart: 0,
    scrollPaddingStart: ROW_HEIGHT,
    overscan: 12,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems[virtualItems.length - 1]?.index ?? 0;
  useEffect(() => {
    if (hasMore && !loading && lastIndex >= items.length - PREFETCH_ROWS) void loadMore();
  }, [hasMore, loading, lastIndex, items.length, loadMore]);
  // Keyboard moves keep the open row in view.
  useEffect(() => {
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [index, virtualizer]);
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [filter]);

  const rows = table.getRowModel().rows;
  return (
    <div className="eval-table" role="table" aria-label="Rows" aria-rowcount={items.length + 1} ref={scrollRef} style={gridStyle} data-testid="eval-rows" data-loading={loading ? 'true' : 'false'}>
      <div className="eval-row eval-head" role="row">
        <div role="columnheader" aria-label="Tick" />
        {table.getHeaderGroups()[0]?.headers.map((header) => (
          <div key={header.id} role="columnheader" title={String(header.column.columnDef.header ?? '')}>
            <table.FlexRender header={header} />
          </div>
        ))}
      </div>
      {!loading && items.length === 0 ? <div className="eval-runs muted">No rows under this filter.</div> : null}
      <div className="eval-body" style={{ height: virtualizer.getTotalSize() }}>
        {virtualItems.map((v) => {
          const row = rows[v.index];
          const style = { transform: `translateY(${v.start}px)`, height: ROW_HEIGHT };
          if (!row) {
            return (
              <div key="loader" className="eval-row" role="row" style={style}>
                <div />
                <div className="muted">Loading more…</div>
              </div>
            );
          }
          const key = row.original.rowKey;
          const selected = v.index === index;
          return (
            <div
              key={row.id}
              className="eval-row"
              role="row"
              aria-selected={selected}
              style={style}
              data-testid="eval-row"
              data-row-key={key}
              onClick={() => (selected ? close() : goTo(v.index))}
            >
              <div role="cell" onClick={(e) => e.stopPropagation()}>
                <input type="checkbox" checked={ticked.includes(key)} onChange={(e) => tick(key, e.target.checked)} aria-label={`Tick row ${key}`} data-testid="eval-row-tick" />
              </div>
              {row.getAllCells().map((cell) => (
                <div key={cell.id} role="cell" data-col={cell.column.id}>
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
