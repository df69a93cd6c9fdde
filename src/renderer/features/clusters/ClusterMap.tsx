// The 2-D map of a run: points coloured by cluster on a canvas, hover tip with the row's prompt when
// known, click to select a point's cluster, wheel to zoom, drag to pan, double-click to fit again; a button
// enlarges it over the list's room. Imports: react, components, map geometry/drawing/palette helpers,
// cluster-tree, lib/format, the clusters, members and layout stores.
import { useEffect, useMemo, useRef, useState, type PointerEvent, type ReactElement } from 'react';
import { Icon } from '../../components/Icon.tsx';
import { formatCount, oneLine } from '../../lib/format.ts';
import { useClusterLayoutStore } from './cluster-layout-store.ts';
import { useClusterMembersStore } from './cluster-members-store.ts';
import { useClustersStore } from './clusters-store.ts';
import { clusterLabel, highlightedClusters } from './cluster-tree.ts';
import { bucketByCluster, drawMap } from './draw-map.ts';
import { buildPointIndex, fitView, nearestPoint, packPoints, panBy, pointBounds, toData, zoomAt, type View } from './map-geometry.ts';
import { clusterColor } from './palette.ts';
import { useColorScheme } from './use-color-scheme.ts';

/** How close (CSS px) the cursor must be to a point to hover it. */
const HIT_RADIUS = 9;
/** A press that moves less than this is a click, not a drag. */
const CLICK_SLOP = 4;

/** The hovered point, and where the cursor is in the window (the tip is placed in window coordinates). */
interface Hover {
  index: number;
  clientX: number;
  clientY: number;
}

/** Room the tip needs on its default side (right of and below the cursor) before it flips. */
const TIP_ROOM = { x: 360, y: 110 };

export function ClusterMap(): ReactElement {
  const map = useClustersStore((s) => s.map);
  const clusters = useClustersStore((s) => s.clusters);
  const selection = useClustersStore((s) => s.selection);
  const select = useClustersStore((s) => s.select);
  const prompts = useClusterMembersStore((s) => s.prompts);
  const expanded = useClusterLayoutStore((s) => s.mapExpanded);
  const toggleMap = useClusterLayoutStore((s) => s.toggleMap);
  const scheme = useColorScheme();

  const boxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [userView, setUserView] = useState<View | null>(null);
  const [hover, setHover] = useState<Hover | null>(null);
  const drag = useRef<{ x: number; y: number; moved: boolean } | null>(null);

  const packed = useMemo(() => packPoints(map.points), [map.points]);
  const index = useMemo(() => buildPointIndex(packed), [packed]);
  const buckets = useMemo(() => bucketByCluster(packed), [packed]);
  const fitted = useMemo(() => fitView(pointBounds(packed), size.width, size.height, 24), [packed, size]);
  const view = userView ?? fitted;
  const highlighted = useMemo(() => highlightedClusters(selection, clusters), [selection, clusters]);
  const byId = useMemo(() => new Map(clusters.map((c) => [c.id, c])), [clusters]);
  const litCount = useMemo(() => {
    let n = 0;
    for (const [c, list] of buckets) if (highlighted.has(c < 0 ? null : c)) n += list.length;
    return n;
  }, [buckets, highlighted]);

  // A new point set (another run, or after merge/split) starts from the fitted view again.
  useEffect(() => {
    setUserView(null);
    setHover(null);
  }, [packed]);
  // A resize (the cluster panel opening) moves every point: the hovered one is no longer under the cursor.
  useEffect(() => setHover(null), [size]);

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const { width, height } = entry.contentRect;
      setSize({ width: Math.floor(width), height: Math.floor(height) });
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || size.width === 0) return;
    const dpr = window.devicePixelRatio || 1;
    if (canvas.width !== size.width * dpr || canvas.height !== size.height * dpr) {
      canvas.width = size.width * dpr;
      canvas.height = size.height * dpr;
    }
    const frame = requestAnimationFrame(() => {
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      drawMap(ctx, packed, buckets, { view, width: size.width, height: size.height, scheme, highlighted, hovered: hover?.index ?? -1 });
    });
    return () => cancelAnimationFrame(frame);
  }, [packed, buckets, view, size, scheme, highlighted, hover]);

  // Wheel zoom needs a non-passive listener to keep the page from scrolling.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const rect = canvas.getBoundingClientRect();
      const factor = Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.0015));
      setUserView((v) => zoomAt(v ?? fitted, factor, e.clientX - rect.left, e.clientY - rect.top, fitted.scale));
      setHover(null);
    };
    canvas.addEventListener('wheel', onWheel, { passive: false });
    return () => canvas.removeEventListener('wheel', onWheel);
  }, [fitted]);

  const local = (e: PointerEvent<HTMLCanvasElement>): [number, number] => {
    const rect = e.currentTarget.getBoundingClientRect();
    return [e.clientX - rect.left, e.clientY - rect.top];
  };

  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const [sx, sy] = local(e);
    const d = drag.current;
    if (d && e.buttons === 1) {
      const dx = sx - d.x;
      const dy = sy - d.y;
      if (d.moved || Math.hypot(dx, dy) > CLICK_SLOP) {
        d.moved = true;
        d.x = sx;
        d.y = sy;
        setUserView((v) => panBy(v ?? fitted, dx, dy));
        setHover(null);
        return;
      }
    }
    const [x, y] = toData(view, sx, sy);
    const i = nearestPoint(index, packed, x, y, HIT_RADIUS / view.scale);
    setHover(i < 0 ? null : { index: i, clientX: e.clientX, clientY: e.clientY });
  };

  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    if (e.button !== 0) return;
    const [x, y] = local(e);
    drag.current = { x, y, moved: false };
    e.currentTarget.setPointerCapture(e.pointerId);
  };

  const onPointerUp = (e: PointerEvent<HTMLCanvasElement>) => {
    const d = drag.current;
    drag.current = null;
    if (!d || d.moved) return;
    const [sx, sy] = local(e);
    const [x, y] = toData(view, sx, sy);
    const i = nearestPoint(index, packed, x, y, HIT_RADIUS / view.scale);
    if (i < 0) return;
    const c = packed.clusters[i]!;
    select(c < 0 ? { kind: 'outliers' } : { kind: 'cluster', id: c });
  };

  const hoveredCluster = hover ? packed.clusters[hover.index]! : null;
  const hoveredRow = hover ? packed.rowIds[hover.index]! : null;
  const hoveredPrompt = hoveredRow === null ? undefined : prompts.get(hoveredRow);
  const sampled = map.total > packed.count;

  return (
    <div
      className="cluster-map"
      ref={boxRef}
      data-testid="cluster-map"
      data-map-state={map.status}
      data-points={packed.count}
      data-highlighted-points={litCount}
      data-expanded={expanded}
    >
      <canvas
        ref={canvasRef}
        className="cluster-map-canvas"
        style={{ width: size.width, height: size.height }}
        role="img"
        aria-label={`Map of ${formatCount(packed.count)} rows coloured by cluster; the cluster list is the same information as text.`}
        onPointerMove={onPointerMove}
        onPointerDown={onPointerDown}
        onPointerUp={onPointerUp}
        onPointerLeave={() => setHover(null)}
        onDoubleClick={() => setUserView(null)}
        data-hover-row={hoveredRow ?? ''}
      />
      <button
        type="button"
        className="btn btn-sm cluster-map-expand"
        onClick={toggleMap}
        aria-pressed={expanded}
        title={expanded ? 'Give the cluster list its room back' : 'Enlarge the map over the cluster list'}
        data-testid="map-expand"
      >
        <Icon name={expanded ? 'collapse' : 'expand'} size={14} />
        {expanded ? 'Show list' : 'Enlarge map'}
      </button>
      <div className="cluster-map-caption small muted">
        {map.status === 'loading' && packed.count === 0 ? 'Loading map…' : null}
        {packed.count > 0 ? (sampled ? `${formatCount(packed.count)} of ${formatCount(map.total)} rows (evenly sampled)` : `${formatCount(packed.count)} rows`) : null}
        {map.status === 'error' ? <span className="text-danger"> · map failed: {map.error}</span> : null}
      </div>
      {userView ? (
        <button type="button" className="btn btn-sm cluster-map-reset" onClick={() => setUserView(null)} title="Fit all points (double-click the map)">
          Fit map
        </button>
      ) : packed.count > 0 && size.width >= 520 ? (
        <div className="cluster-map-hint small muted">Scroll to zoom · drag to pan</div>
      ) : null}
      {hover && hoveredCluster !== null ? (
        <div
          // Fixed to the window, so the tip may spill over the list or the panel instead of being cut at the map's edge.
          className={`map-tip${hover.clientX > window.innerWidth - TIP_ROOM.x ? ' map-tip-left' : ''}${hover.clientY > window.innerHeight - TIP_ROOM.y ? ' map-tip-up' : ''}`}
          style={{ left: hover.clientX, top: hover.clientY }}
          data-testid="map-tip"
          role="tooltip"
        >
          <div className="map-tip-head">
            <span className="swatch" style={{ background: clusterColor(hoveredCluster < 0 ? null : hoveredCluster, scheme) }} />
            <span className="map-tip-name">{clusterLabel(byId, hoveredCluster < 0 ? null : hoveredCluster)}</span>
          </div>
          {hoveredPrompt !== undefined ? (
            <div className="map-tip-text">{oneLine(hoveredPrompt, 220)}</div>
          ) : (
            <div className="map-tip-text muted">Row #{hoveredRow} · click to open this cluster and its prompts</div>
          )}
        </div>
      ) : null}
    </div>
  );
}
