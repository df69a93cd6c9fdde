// A progress bar for a done/total pair; without a total it shows an indeterminate sweep.
// Imports: react only.
import type { ReactElement } from 'react';

export function ProgressBar({ done, total, label, size = 'md' }: { done: number; total: number | null; label: string; size?: 'sm' | 'md' }): ReactElement {
  const known = total !== null && total > 0;
  const pct = known ? Math.min(100, (done / total) * 100) : 0;
  return (
    <div
      className={`progress progress-${size}${known ? '' : ' progress-indeterminate'}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={known ? total : undefined}
      aria-valuenow={known ? done : undefined}
    >
      <div className="progress-fill" style={known ? { width: `${pct}%` } : undefined} />
    </div>
  );
}
