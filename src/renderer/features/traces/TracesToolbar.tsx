// The bar above the traces table: full-text search of every message, the matching count, a reload prompt when
// data changed, and the dataset actions (picked traces, the current filter).
// Imports: react, components, lib/filter, lib/format, the traces and ui stores.
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { Icon } from '../../components/Icon.tsx';
import { Kbd } from '../../components/Kbd.tsx';
import { isFiltered } from '../../lib/filter.ts';
import { formatCount } from '../../lib/format.ts';
import { useAppStore } from '../../shell/app-store.ts';
import { useTracesStore } from './traces-store.ts';
import { FilterToDataset } from '../datasets/FilterToDataset.tsx';
import { PickedToDataset } from '../datasets/PickedToDataset.tsx';
import { useUiStore } from '../../shell/ui-store.ts';

const SEARCH_DEBOUNCE_MS = 250;

export function TracesToolbar(): ReactElement {
  const text = useTracesStore((s) => s.filter.text);
  const filter = useTracesStore((s) => s.filter);
  const total = useTracesStore((s) => s.list.total);
  const stale = useTracesStore((s) => s.list.stale);
  const loading = useTracesStore((s) => s.list.loading);
  const setFilter = useTracesStore((s) => s.setFilter);
  const reload = useTracesStore((s) => s.reload);
  const allTraces = useAppStore((s) => s.info?.traces ?? null);
  const focusRequest = useUiStore((s) => s.focusRequest);
  const searchRef = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState(text);

  useEffect(() => setDraft(text), [text]);
  useEffect(() => {
    if (focusRequest?.target === 'search') searchRef.current?.focus();
  }, [focusRequest]);
  useEffect(() => {
    if (draft === text) return;
    const t = setTimeout(() => setFilter({ text: draft }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [draft, text, setFilter]);

  const filtered = isFiltered(filter);
  return (
    <div className="traces-toolbar">
      <label className="search">
        <Icon name="search" />
        <input
          ref={searchRef}
          type="search"
          className="search-input"
          placeholder="Search every message"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          aria-label="Search every message"
          data-testid="trace-search"
        />
        {draft ? null : <Kbd keys="/" />}
      </label>
      <div className="traces-count" aria-live="polite">
        <span data-testid="trace-count" className="strong">
          {total === null ? '…' : formatCount(total)}
        </span>
        {filtered && allTraces !== null ? <span className="muted"> of {formatCount(allTraces)}</span> : null}
        <span className="muted"> {total === 1 ? 'trace' : 'traces'}</span>
        {loading ? <span className="muted small"> · loading</span> : null}
      </div>
      {stale ? (
        <button type="button" className="btn btn-sm" onClick={() => void reload()}>
          <Icon name="refresh" /> New data — reload
        </button>
      ) : null}
      <PickedToDataset />
      <FilterToDataset />
    </div>
  );
}
