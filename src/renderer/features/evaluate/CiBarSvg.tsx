// One row of the comparison chart: the score as a bar from the axis start, its 95 % interval as whiskers, and
// the baseline's score as a dashed line that lines up across rows. Imports: react, ./ci-geometry.ts.
import type { ReactElement } from 'react';
import { ciBar, type Axis } from './ci-geometry.ts';

const HEIGHT = 26;
const BAR = 12;
const CAP = 8;

export function CiBarSvg({ score, ci, baseline, axis, tone }: { score: number | null; ci: readonly [number, number] | null; baseline: number | null; axis: Axis; tone: 'model' | 'baseline' }): ReactElement {
  const mid = HEIGHT / 2;
  const g = score === null ? null : ciBar(score, ci, axis);
  const base = baseline === null ? null : ciBar(baseline, null, axis).scoreX;
  return (
    <svg className="ci-bar" width={axis.width} height={HEIGHT} aria-hidden="true">
      <line className="ci-track" x1={0} x2={axis.width} y1={mid} y2={mid} />
      {g ? (
        <>
          <rect className={`ci-fill ci-fill-${tone}`} x={0} y={mid - BAR / 2} width={g.barWidth} height={BAR} rx={2} />
          <line className="ci-whisker" x1={g.loX} x2={g.hiX} y1={mid} y2={mid} />
          <line className="ci-whisker" x1={g.loX} x2={g.loX} y1={mid - CAP / 2} y2={mid + CAP / 2} />
          <line className="ci-whisker" x1={g.hiX} x2={g.hiX} y1={mid - CAP / 2} y2={mid + CAP / 2} />
        </>
      ) : null}
      {base !== null ? <line className="ci-baseline" x1={base} x2={base} y1={0} y2={HEIGHT} /> : null}
    </svg>
  );
}
