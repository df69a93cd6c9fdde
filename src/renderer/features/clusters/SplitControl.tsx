// "Split into N parts" for one fine cluster (clusters.split); the new clusters replace it in the list.
// Imports: react, the clusters store.
import { useState, type ReactElement } from 'react';
import { useClustersStore } from './clusters-store.ts';

const PARTS = [2, 3, 4, 5, 6, 8, 10];

export function SplitControl({ id, size }: { id: number; size: number }): ReactElement {
  const split = useClustersStore((s) => s.split);
  const pending = useClustersStore((s) => s.pending);
  const [parts, setParts] = useState(2);
  // Each part needs at least two rows to be a cluster at all.
  const possible = PARTS.filter((p) => p * 2 <= size);
  return (
    <div className="split-control">
      <label className="field-inline small">
        <span className="muted">Split into</span>
        <select className="input input-sm input-select" value={parts} onChange={(e) => setParts(Number(e.target.value))} disabled={possible.length === 0} aria-label="Number of parts">
          {(possible.length > 0 ? possible : [2]).map((p) => (
            <option key={p} value={p}>
              {p} parts
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="btn btn-sm" disabled={possible.length === 0 || pending !== null} onClick={() => void split(id, parts)} data-testid="split-button">
        {pending === 'split' ? 'Splitting…' : 'Split'}
      </button>
    </div>
  );
}
