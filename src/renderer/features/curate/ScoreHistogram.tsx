// The judge-score histogram as a small SVG with a draggable threshold (pointer, or arrows / Page keys on the
// handle) and the margin band around it. Counts update locally as it moves; the value is committed on release.
// Imports: react, ./score-histogram.ts.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactElement } from 'react';
import { displayBins, stepThreshold, valueOfX, xOfValue, type Axis, type ScoreBin } from './score-histogram.ts';

const HEIGHT = 140;
const PAD = { left: 34, right: 12, top: 22, bottom: 22 };
const BINS = 20;
const TICKS = [0, 0.25, 0.5, 0.75, 1];

interface Props {
  /** Fine bins from the core (curate.scores). */
  bins: readonly ScoreBin[];
  threshold: number;
  margin: number;
  /** While dragging: every step, so the counts beside the chart follow the handle. */
  onChange(threshold: number): void;
  /** On release (or a key step): the value to keep. */
  onCommit(threshold: number): void;
  disabled?: boolean;
}

export function ScoreHistogram({ bins: fine, threshold, margin, onChange, onCommit, disabled = false }: Props): ReactElement {
  const boxRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(480);
  const [dragging, setDragging] = useState(false);
  const latest = useRef(threshold);
  latest.current = threshold;

  useEffect(() => {
    const el = boxRef.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(200, Math.floor(entry.contentRect.width)));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const bins = useMemo(() => displayBins(fine, BINS), [fine]);
  const max = Math.max(1, ...bins);
  const axis: Axis = { left: PAD.left, width: width - PAD.left - PAD.right };
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const binW = axis.width / BINS;
  const tx = xOfValue(axis, threshold);
  const bandL = xOfValue(axis, threshold - margin);
  const bandR = xOfValue(axis, threshold + margin);

  const pointerValue = (e: PointerEvent<SVGSVGElement>) => valueOfX(axis, e.clientX - e.currentTarget.getBoundingClientRect().left);

  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    if (disabled || e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    setDragging(true);
    onChange(pointerValue(e));
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    if (dragging) onChange(pointerValue(e));
  };
  const onPointerUp = (e: PointerEvent<SVGSVGElement>) => {
    if (!dragging) return;
    setDragging(false);
    const v = pointerValue(e);
    onChange(v);
    onCommit(v);
  };
  const onKeyDown = (e: KeyboardEvent<SVGGElement>) => {
    const next = stepThreshold(latest.current, e.key);
    if (next === null || disabled) return;
    e.preventDefault();
    e.stopPropagation();
    onChange(next);
    onCommit(next);
  };

  return (
    <div ref={boxRef} className="score-histogram" data-testid="score-histogram">
      <svg
        width={width}
        height={HEIGHT}
        role="img"
        aria-label={`Judge scores in ${BINS} bins; threshold ${threshold.toFixed(2)}`}
        className={dragging ? 'is-dragging' : undefined}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => setDragging(false)}
        data-testid="histogram-plot"
        data-plot-left={axis.left}
        data-plot-width={axis.width}
      >
        <rect className="hist-band" x={bandL} y={PAD.top} width={Math.max(0, bandR - bandL)} height={plotH} />
        {bins.map((count, i) => {
          const h = (count / max) * plotH;
          const mid = (i + 0.5) / BINS;
          const tone = mid < threshold - margin ? 'below' : mid > threshold + margin ? 'above' : 'near';
          return (
            <rect key={i} className={`hist-bar hist-bar-${tone}`} x={axis.left + i * binW + 1} y={PAD.top + plotH - h} width={Math.max(1, binW - 2)} height={h}>
              <title>{`${(i / BINS).toFixed(2)}–${((i + 1) / BINS).toFixed(2)}: ${count} rows`}</title>
            </rect>
          );
        })}
        <line className="hist-axis" x1={axis.left} x2={axis.left + axis.width} y1={PAD.top + plotH} y2={PAD.top + plotH} />
        {TICKS.map((t) => (
          <text key={t} className="hist-tick" x={xOfValue(axis, t)} y={HEIGHT - 6} textAnchor={t === 0 ? 'start' : t === 1 ? 'end' : 'middle'}>
            {t.toFixed(2)}
          </text>
        ))}
        <text className="hist-tick" x={axis.left - 6} y={PAD.top + 4} textAnchor="end">
          {max}
        </text>
        <text className="hist-tick" x={axis.left - 6} y={PAD.top + plotH} textAnchor="end">
          0
        </text>
        <g
          className="hist-threshold"
          tabIndex={disabled ? -1 : 0}
          role="slider"
          aria-label="Threshold"
          aria-valuemin={0}
          aria-valuemax={1}
          aria-valuenow={threshold}
          aria-valuetext={threshold.toFixed(2)}
          onKeyDown={onKeyDown}
          data-testid="threshold-handle"
          data-value={threshold}
        >
          <line x1={tx} x2={tx} y1={PAD.top - 4} y2={PAD.top + plotH} />
          <rect className="hist-handle" x={tx - 6} y={PAD.top - 12} width={12} height={14} rx={3} />
          <text className="hist-threshold-label" x={tx > axis.left + axis.width - 40 ? tx - 10 : tx + 10} y={PAD.top - 4} textAnchor={tx > axis.left + axis.width - 40 ? 'end' : 'start'}>
            {threshold.toFixed(2)}
          </text>
        </g>
      </svg>
    </div>
  );
}
