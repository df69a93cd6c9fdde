// The "similar rows" of one member (rows.similar): nearest rows by embedding with their similarity.
// Imports: react, components, lib/format, the members store.
import type { ReactElement } from 'react';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { Icon } from '../../components/Icon.tsx';
import { oneLine } from '../../lib/format.ts';
import { useClusterMembersStore } from './cluster-members-store.ts';

export function SimilarRows(): ReactElement | null {
  const similar = useClusterMembersStore((s) => s.similar);
  const close = useClusterMembersStore((s) => s.showSimilar);
  if (!similar) return null;
  return (
    <section className="similar" aria-label="Similar rows" data-testid="similar-rows" data-state={similar.loading ? 'loading' : similar.error ? 'error' : 'ready'}>
      <header className="similar-header">
        <div className="similar-title">
          <span className="section-label">Similar to row #{similar.rowId}</span>
          <span className="similar-source small" title={similar.prompt}>
            {oneLine(similar.prompt, 120)}
          </span>
        </div>
        <button type="button" className="btn btn-ghost btn-icon" onClick={() => close(null)} aria-label="Close similar rows">
          <Icon name="close" />
        </button>
      </header>
      {similar.error ? <ErrorNote message={similar.error} /> : null}
      {similar.loading ? <div className="muted small">Looking for neighbours…</div> : null}
      {!similar.loading && !similar.error && similar.items.length === 0 ? <div className="muted small">No other rows are close to this one.</div> : null}
      <ol className="similar-list">
        {similar.items.map((r) => (
          <li key={r.rowId} className="similar-item" data-testid="similar-row">
            <span className="similar-score" title="Cosine similarity">
              {Math.round(r.similarity * 100)}%
            </span>
            <span className="similar-prompt" title={r.prompt}>
              {oneLine(r.prompt, 200)}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
