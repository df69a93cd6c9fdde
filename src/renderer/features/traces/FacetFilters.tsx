// The filter column of the Traces screen: value counts per facet (click to filter), a time range, clusters
// and every metadata key.
// Imports: react, components, lib/filter, lib/format, the traces store.
import { useState, type ReactElement } from 'react';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { FILTER_FACETS, isFiltered, type FilterFacet } from '../../lib/filter.ts';
import { formatCount, toDateInput } from '../../lib/format.ts';
import { ClusterFacet } from './ClusterFacet.tsx';
import { MetadataFacets } from './MetadataFacets.tsx';
import { useTracesStore, type FacetValue } from './traces-store.ts';

const LABELS: Record<FilterFacet, string> = {
  environment: 'Environment',
  task: 'Task',
  provider: 'Provider',
  model: 'Model',
  status: 'Status',
};
const COLLAPSED_LIMIT = 6;

export function FacetFilters(): ReactElement {
  const values = useTracesStore((s) => s.facets.values);
  const error = useTracesStore((s) => s.facets.error);
  const filter = useTracesStore((s) => s.filter);
  const clearFilter = useTracesStore((s) => s.clearFilter);
  const counting = useTracesStore((s) => s.facets.loading);

  return (
    <aside className="facets" aria-label="Filters" data-testid="facets">
      <div className="facets-header">
        <span className="section-label">Filters</span>
        {counting ? <span className="muted small" data-testid="facets-counting">counting…</span> : null}
        {isFiltered(filter) ? (
          <button type="button" className="link-button small" onClick={clearFilter}>
            Clear all
          </button>
        ) : null}
      </div>
      {error ? <ErrorNote message={error} /> : null}
      <TimeRange />
      {FILTER_FACETS.map((name) => (
        <FacetGroup key={name} name={name} values={values[name] ?? []} selected={filter.facets[name] ?? []} />
      ))}
      <ClusterFacet />
      <MetadataFacets />
    </aside>
  );
}

function FacetGroup({ name, values, selected }: { name: FilterFacet; values: FacetValue[]; selected: string[] }): ReactElement {
  const toggle = useTracesStore((s) => s.toggleFacetValue);
  const clear = useTracesStore((s) => s.clearFacet);
  const [expanded, setExpanded] = useState(false);
  // Selected values stay visible even when they fall outside the collapsed list.
  const shown = expanded ? values : values.filter((v, i) => i < COLLAPSED_LIMIT || (v.value !== null && selected.includes(v.value)));

  return (
    <fieldset className="facet" data-facet={name}>
      <legend className="facet-legend">
        <span>{LABELS[name]}</span>
        {selected.length > 0 ? (
          <button type="button" className="link-button small" onClick={() => clear(name)}>
            Clear
          </button>
        ) : null}
      </legend>
      {values.length === 0 ? <div className="muted small facet-empty">No values</div> : null}
      {shown.map((v) => {
        const checked = v.value !== null && selected.includes(v.value);
        return (
          <label key={v.value ?? '\u0000none'} className={`facet-option${v.value === null ? ' facet-none' : ''}`} title={v.value === null ? `Traces without ${LABELS[name].toLowerCase()}` : v.value}>
            <input
              type="checkbox"
              checked={checked}
              // Missing values cannot be filtered on (the filter matches strings), so they are shown but fixed.
              disabled={v.value === null}
              onChange={() => v.value !== null && toggle(name, v.value)}
            />
            <span className="facet-value">{v.value ?? '(none)'}</span>
            <span className="facet-count">{formatCount(v.count)}</span>
          </label>
        );
      })}
      {values.length > COLLAPSED_LIMIT ? (
        <button type="button" className="link-button small facet-more" onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Show fewer' : `Show all ${values.length}`}
        </button>
      ) : null}
    </fieldset>
  );
}

function TimeRange(): ReactElement {
  const from = useTracesStore((s) => s.filter.from);
  const to = useTracesStore((s) => s.filter.to);
  const range = useTracesStore((s) => s.facets.timeRange);
  const setFilter = useTracesStore((s) => s.setFilter);
  const min = toDateInput(range.min);
  const max = toDateInput(range.max);

  return (
    <fieldset className="facet">
      <legend className="facet-legend">
        <span>Time</span>
        {from || to ? (
          <button type="button" className="link-button small" onClick={() => setFilter({ from: '', to: '' })}>
            Clear
          </button>
        ) : null}
      </legend>
      <div className="date-range">
        <label>
          <span className="small muted">From</span>
          <input type="date" className="input input-sm" value={from} max={to || undefined} onChange={(e) => setFilter({ from: e.target.value })} aria-label="From date" />
        </label>
        <label>
          <span className="small muted">To</span>
          <input type="date" className="input input-sm" value={to} min={from || undefined} onChange={(e) => setFilter({ to: e.target.value })} aria-label="To date" />
        </label>
      </div>
      {min ? (
        <div className="small muted">
          Matching traces: <span className="nowrap">{min}</span>
          {max && max !== min ? (
            <>
              {' '}to <span className="nowrap">{max}</span>
            </>
          ) : null}
        </div>
      ) : null}
    </fieldset>
  );
}
