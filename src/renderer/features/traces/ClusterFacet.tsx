// The cluster group of the filter column: the latest clustering run's clusters by name (click to see their
// traces) and its outliers. Imports: react, api, lib/format, the traces store, contract types.
import { useEffect, useState, type ReactElement } from 'react';
import { api, errorMessage } from '../../api/index.ts';
import { formatCount } from '../../lib/format.ts';
import type { ClusterInfo, ClusterRun } from '../../../shared/contract/index.ts';
import { useTracesStore } from './traces-store.ts';

const COLLAPSED_LIMIT = 8;

export function ClusterFacet(): ReactElement | null {
  const selected = useTracesStore((s) => s.filter.cluster) ?? [];
  const outlier = useTracesStore((s) => s.filter.outlier);
  const toggle = useTracesStore((s) => s.toggleCluster);
  const setOutlier = useTracesStore((s) => s.setOutlier);
  const [state, setState] = useState<{ run: ClusterRun | null; clusters: ClusterInfo[]; error: string | null }>({ run: null, clusters: [], error: null });
  const [expanded, setExpanded] = useState(false);
  const [query, setQuery] = useState('');
  // The list reloads after every job that changes data (a clustering run among them); the clusters follow it.
  const total = useTracesStore((s) => s.list.total);

  useEffect(() => {
    let live = true;
    api()
      .invoke('clusters.list', {})
      .then(
        (r) => live && setState({ run: r.run, clusters: r.clusters.filter((c) => c.level === 'cluster' && c.size > 0), error: null }),
        (err: unknown) => live && setState((s) => ({ ...s, error: errorMessage(err) })),
      );
    return () => {
      live = false;
    };
  }, [total]);

  if (!state.run && selected.length === 0 && outlier === undefined) return null;
  const needle = query.trim().toLowerCase();
  const matching = needle ? state.clusters.filter((c) => c.name.toLowerCase().includes(needle)) : state.clusters;
  const shown = expanded || needle ? matching : matching.filter((c, i) => i < COLLAPSED_LIMIT || selected.includes(c.id));

  return (
    <fieldset className="facet" data-facet="cluster">
      <legend className="facet-legend">
        <span title={state.run ? `Clustering run ${state.run.id}` : ''}>Cluster</span>
        {selected.length > 0 || outlier !== undefined ? (
          <button
            type="button"
            className="link-button small"
            onClick={() => {
              for (const id of selected) toggle(id);
              setOutlier(undefined);
            }}
          >
            Clear
          </button>
        ) : null}
      </legend>
      {state.error ? <div className="small facet-empty">{state.error}</div> : null}
      {state.clusters.length > COLLAPSED_LIMIT ? (
        <input type="search" className="input input-sm facet-search" placeholder="Search cluster names" aria-label="Search cluster names" value={query} onChange={(e) => setQuery(e.target.value)} />
      ) : null}
      <label className="facet-option" title="Traces with a row no cluster fits, in the latest run">
        <input type="checkbox" checked={outlier === true} onChange={() => setOutlier(outlier === true ? undefined : true)} />
        <span className="facet-value">Outliers</span>
        <span className="facet-count">{state.run ? formatCount(state.run.outliers) : ''}</span>
      </label>
      {shown.map((c) => (
        <label key={c.id} className="facet-option" title={`#${c.id} ${c.name}`}>
          <input type="checkbox" checked={selected.includes(c.id)} onChange={() => toggle(c.id)} />
          <span className="facet-value">{c.name}</span>
          <span className="facet-count">{formatCount(c.size)}</span>
        </label>
      ))}
      {!needle && matching.length > COLLAPSED_LIMIT ? (
        <button type="button" className="link-button small facet-more" onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Show fewer' : `Show all ${matching.length}`}
        </button>
      ) : null}
    </fieldset>
  );
}
