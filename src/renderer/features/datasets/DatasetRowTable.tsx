// The rows of the shown version, virtualized: only visible rows render; the next keyset page loads near the end.
// Imports: react, @tanstack/react-virtual, lib/format, the datasets store.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactElement } from 'react';
import { oneLine } from '../../lib/format.ts';
import { useDatasetsStore } from './datasets-store.ts';

const ROW_HEIGHT = 34;
const PREFETCH_ROWS = 40;

export function DatasetRowTable(): ReactElement {
  const items = useDatasetsStore((s) => s.rows.items);
  const hasMore = useDatasetsStore((s) => s.rows.nextCursor !== null);
  const loading = useDatasetsStore((s) => s.rows.loading);
  const selectedKey = useDatasetsStore((s) => s.selectedKey);
  const select = useDatasetsStore((s) => s.select);
  const loadMore = useDatasetsStore((s) => s.loadMore);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length + (hasMore ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems[virtualItems.length - 1]?.index ?? 0;
  useEffect(() => {
    if (hasMore && !loading && lastIndex >= items.length - PREFETCH_ROWS) void loadMore();
  }, [hasMore, loading, lastIndex, items.length, loadMore]);

  return (
    <div className="dataset-table" role="table" aria-label="Dataset rows" aria-rowcount={items.length} ref={scrollRef} data-testid="dataset-rows">
      <div className="dataset-row dataset-head" role="row">
        <div role="columnheader">Row</div>
        <div role="columnheader">Prompt</div>
        <div role="columnheader">Response</div>
        <div role="columnheader">Labels</div>
        <div role="columnheader">Split</div>
      </div>
      <div className="dataset-body" style={{ height: virtualizer.getTotalSize() }}>
        {virtualItems.map((v) => {
          const row = items[v.index];
          const style = { transform: `translateY(${v.start}px)`, height: ROW_HEIGHT };
          if (!row) {
            return (
              <div key="loader" className="dataset-row" style={style} role="row">
                <span className="muted">Loading more…</span>
              </div>
            );
          }
          const selected = row.rowKey === selectedKey;
          return (
            <div
              key={row.rowKey}
              className="dataset-row"
              role="row"
              aria-selected={selected}
              data-testid="dataset-row"
              data-row-key={row.rowKey}
              style={style}
              onClick={() => select(selected ? null : row.rowKey)}
            >
              <div role="cell" className="num muted">
                {row.rowKey}
              </div>
              <div role="cell" className="ellipsis">
                {oneLine(row.prompt, 200)}
              </div>
              <div role="cell" className="ellipsis muted">
                {oneLine(row.responseText, 200)}
              </div>
              <div role="cell" className="ellipsis">
                {row.labels.map((l) => (
                  <span key={l} className="badge">
                    {l}
                  </span>
                ))}
                {row.note ? <span className="muted small" title={row.note}> ✎</span> : null}
              </div>
              <div role="cell" className="muted">
                {row.split ?? ''}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
