// "New run…" over an existing run: the run options in a dialog; closes on Esc, Cancel or a click outside.
// Imports: react, components, RunForm, the cluster-run store.
import { useEffect, useRef, type ReactElement } from 'react';
import { Icon } from '../../components/Icon.tsx';
import { formatCount } from '../../lib/format.ts';
import { useClusterRunStore } from './cluster-run-store.ts';
import { RunForm } from './RunForm.tsx';

export function RunDialog({ rows }: { rows: number }): ReactElement | null {
  const open = useClusterRunStore((s) => s.dialogOpen);
  const setOpen = useClusterRunStore((s) => s.setDialogOpen);
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    closeRef.current?.focus();
    // Capture runs before the global shortcut handler, and preventDefault tells it Esc is spent
    // (otherwise the same Esc would also close the cluster panel under the dialog).
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      setOpen(false);
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [open, setOpen]);

  if (!open) return null;
  return (
    <div className="overlay" onMouseDown={(e) => e.target === e.currentTarget && setOpen(false)}>
      <div className="dialog run-dialog" role="dialog" aria-modal="true" aria-labelledby="run-dialog-title">
        <div className="dialog-header">
          <h2 id="run-dialog-title">New clustering run</h2>
          <button ref={closeRef} type="button" className="btn btn-ghost btn-icon" onClick={() => setOpen(false)} aria-label="Close">
            <Icon name="close" />
          </button>
        </div>
        <p className="muted run-dialog-intro">
          Clusters all {formatCount(rows)} rows again. The current run stays available in the run picker; your renames there are kept.
        </p>
        <RunForm rows={rows} submitLabel={`Cluster ${formatCount(rows)} rows`} />
      </div>
    </div>
  );
}
