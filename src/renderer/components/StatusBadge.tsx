// A coloured badge for a status word (job status, trace status, file status); tone comes from the word.
// Imports: react only.
import type { ReactElement } from 'react';

const tones: Record<string, 'success' | 'danger' | 'warning' | 'info' | 'neutral'> = {
  success: 'success',
  succeeded: 'success',
  complete: 'success',
  error: 'danger',
  failed: 'danger',
  cancelled: 'neutral',
  interrupted: 'warning',
  running: 'info',
  importing: 'info',
  queued: 'neutral',
};

export function StatusBadge({ status }: { status: string | null }): ReactElement {
  if (!status) return <span className="muted">—</span>;
  return <span className={`badge badge-${tones[status] ?? 'neutral'}`}>{status}</span>;
}
