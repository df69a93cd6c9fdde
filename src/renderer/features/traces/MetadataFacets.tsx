// The metadata keys of the filter column: one group per key with its values counted under the filter (click to
// filter), and a search over the key's long tail of values. Imports: react, api, lib/filter, lib/format, the traces store.
import { useEffect, useState, type ReactElement } from 'react';
import { api, errorMessage } from '../../api/index.ts';
import { toWhere } from '../../lib/filter.ts';
import { formatCount } from '../../lib/format.ts';
import type { MetadataFacet } from '../../../shared/contract/index.ts';
import { useTracesStore, type FacetValue } from './traces-store.ts';

const COLLAPSED_LIMIT = 6;
const SEARCH_DEBOUNCE_MS = 200;

export function MetadataFacets(): ReactElement | null {
  const metadata = useTracesStore((s) => s.facets.metadata);
  if (metadata.length === 0) return null;
  return (
    <>
      <div className="facets-subheader section-label">Metadata</div>
      {metadata.map((facet) => (
        <MetadataGroup key={facet.key} facet={facet} />
      ))}
    </>
  );
}

function MetadataGroup({ facet }: { facet: MetadataFacet }): ReactElement {
  const selected = useTracesStore((s) => s.filter.metadata?.[facet.key]) ?? [];
  const toggle = useTracesStore((s) => s.toggleMetadataValue);
  const clear = useTracesStore((s) => s.clearMetadata);
  const [expanded, setExpanded] = useState(false);
  const [query, setQuery] = useState('');
  const found = useValueSearch(facet.key, query);
  const longTail = facet.distinct > COLLAPSED_LIMIT || !facet.counted;

  const listed: FacetValue[] = query.trim() ? (found.values ?? []) : facet.values;
  const shown = expanded || query.trim() ? listed : listed.filter((v, i) => i < COLLAPSED_LIMIT || (v.value !== null && selected.includes(v.value)));
  // A selected value the counts do not list (outside the top values, or a key too varied to count) stays visible.
  const missing = selected.filter((v) => !shown.some((s) => s.value === v));

  return (
    <fieldset className="facet" data-facet={`metadata.${facet.key}`}>
      <legend className="facet-legend">
        <span title={`metadata.${facet.key}: ${formatCount(facet.distinct)} values`}>{facet.key}</span>
        {selected.length > 0 ? (
          <button type="button" className="link-button small" onClick={() => clear(facet.key)}>
            Clear
          </button>
        ) : null}
      </legend>
      {longTail ? (
        <input
          type="search"
          className="input input-sm facet-search"
          placeholder={`Search ${formatCount(facet.distinct)} values`}
          aria-label={`Search values of ${facet.key}`}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      ) : null}
      {!facet.counted && !query.trim() ? <div className="muted small facet-empty">Too many values to count under this filter: search them</div> : null}
      {found.error ? <div className="small facet-empty">{found.error}</div> : null}
      {facet.counted && listed.length === 0 && !query.trim() ? <div className="muted small facet-empty">No values</div> : null}
      {[...missing.map((value) => ({ value, count: null as number | null })), ...shown].map((v) => (
        <label key={v.value ?? '\u0000none'} className="facet-option" title={v.value ?? ''}>
          <input type="checkbox" checked={v.value !== null && selected.includes(v.value)} onChange={() => v.value !== null && toggle(facet.key, v.value)} />
          <span className="facet-value">{v.value}</span>
          <span className="facet-count">{v.count === null ? '' : formatCount(v.count)}</span>
        </label>
      ))}
      {!query.trim() && listed.length > COLLAPSED_LIMIT ? (
        <button type="button" className="link-button small facet-more" onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Show fewer' : `Show top ${listed.length}`}
        </button>
      ) : null}
    </fieldset>
  );
}

/** Values of one key containing `query`, counted under the current filter, fetched as the user types. */
function useValueSearch(key: string, query: string): { values: FacetValue[] | null; error: string | null } {
  const filter = useTracesStore((s) => s.filter);
  const [result, setResult] = useState<{ values: FacetValue[] | null; error: string | null }>({ values: null, error: null });
  useEffect(() => {
    const contains = query.trim();
    if (!contains) {
      setResult({ values: null, error: null });
      return;
    }
    let live = true;
    const t = setTimeout(() => {
      api()
        .invoke('traces.facetValues', { facet: `metadata.${key}`, where: toWhere(filter), contains, limit: 50 })
        .then(
          (r) => live && setResult({ values: r.values, error: null }),
          (err: unknown) => live && setResult({ values: null, error: errorMessage(err) }),
        );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [key, query, filter]);
  return result;
}
