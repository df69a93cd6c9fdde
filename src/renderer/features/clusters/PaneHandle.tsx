// A drag handle between two panes: drag (or arrow keys) to resize, double-click (or Home) for the default
// width. Reports widths through the layout store. Imports: react, pane-sizes, the layout store.
import { useRef, type KeyboardEvent, type PointerEvent, type ReactElement } from 'react';
import { useClusterLayoutStore } from './cluster-layout-store.ts';
import { LIMITS, dragged, type PaneWidths } from './pane-sizes.ts';

const KEY_STEP = 24;

export function PaneHandle({ pane, width, label }: { pane: keyof PaneWidths; width: number; label: string }): ReactElement {
  const setWidth = useClusterLayoutStore((s) => s.setWidth);
  const resetWidth = useClusterLayoutStore((s) => s.resetWidth);
  const start = useRef<{ x: number; width: number } | null>(null);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    start.current = { x: e.clientX, width };
    e.preventDefault();
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const s = start.current;
    if (s) setWidth(pane, dragged(pane, s.width, e.clientX - s.x));
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    start.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // Arrows move the handle itself: right widens the list and narrows the panel.
    const dx = e.key === 'ArrowRight' ? KEY_STEP : e.key === 'ArrowLeft' ? -KEY_STEP : 0;
    if (dx !== 0) setWidth(pane, dragged(pane, width, dx));
    else if (e.key === 'Home') resetWidth(pane);
    else return;
    e.preventDefault();
  };

  return (
    <div
      className="pane-handle"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={Math.round(width)}
      aria-valuemin={LIMITS[pane].min}
      aria-valuemax={LIMITS[pane].max}
      tabIndex={0}
      title={`${label}: drag to resize, double-click for the default width`}
      data-testid={`pane-handle-${pane}`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onDoubleClick={() => resetWidth(pane)}
      onKeyDown={onKeyDown}
    />
  );
}
