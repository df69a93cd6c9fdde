// The Traces screen: import strip, filters, the virtualized table, and the detail or files side panel.
// Imports: react, components, the traces feature parts, the stores.
import type { ReactElement } from 'react';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { Kbd } from '../../components/Kbd.tsx';
import { isFiltered } from '../../lib/filter.ts';
import { useImportsStore } from './imports-store.ts';
import { ACTIVE_STATUSES, useJobsStore } from '../jobs/jobs-store.ts';
import { useTracesStore } from './traces-store.ts';
import { FacetFilters } from './FacetFilters.tsx';
import { FilesPanel } from './FilesPanel.tsx';
import { ImportBar } from './ImportBar.tsx';
import { TraceDetailPanel } from './TraceDetailPanel.tsx';
import { TracesToolbar } from './TracesToolbar.tsx';
import { TraceTable } from './TraceTable.tsx';

export function TracesScreen(): ReactElement {
  const total = useTracesStore((s) => s.list.total);
  const error = useTracesStore((s) => s.list.error);
  const filtered = useTracesStore((s) => isFiltered(s.filter));
  const reload = useTracesStore((s) => s.reload);
  const clearFilter = useTracesStore((s) => s.clearFilter);
  const detailOpen = useTracesStore((s) => s.detail.id !== null);
  const filesOpen = useImportsStore((s) => s.panelOpen);
  const pickerAvailable = useImportsStore((s) => s.pickerAvailable);
  const importing = useJobsStore((s) => Object.values(s.byId).some((j) => j.kind === 'import' && ACTIVE_STATUSES.has(j.status)));

  const nothingImported = total === 0 && !filtered;
  return (
    <div className={`traces-screen${detailOpen || filesOpen ? ' with-panel' : ''}`}>
      <ImportBar />
      {nothingImported ? (
        <div className="traces-empty">
          {importing ? (
            <EmptyState icon="upload" title="Importing…">
              <p>Traces appear here once the first batch is stored. You can keep working: the import runs in the background.</p>
            </EmptyState>
          ) : (
          <EmptyState icon="upload" title="Import your first traces">
            <p>
              Winnow reads production traces exported as JSONL, JSON, CSV or Parquet: OpenAI chat logs, Langfuse exports,
              prompt/response pairs or raw provider request bodies. Nothing leaves this machine.
            </p>
            <p className="muted">
              {pickerAvailable ? (
                <>
                  Choose files above (or press <Kbd keys="o" />), drop files onto the window, or paste a file path and
                  press Import.
                </>
              ) : (
                'Paste the path of a file above and press Import.'
              )}
            </p>
          </EmptyState>
          )}
          <FilesPanel />
        </div>
      ) : (
        <div className="traces-body">
          <FacetFilters />
          <div className="traces-main">
            <TracesToolbar />
            {error ? <ErrorNote message={error} onRetry={() => void reload()} /> : null}
            {total === 0 && filtered ? (
              <EmptyState
                icon="search"
                title="No traces match these filters"
                action={
                  <button type="button" className="btn" onClick={clearFilter}>
                    Clear filters
                  </button>
                }
              >
                <p>Remove a filter on the left, widen the time range, or change the search text.</p>
              </EmptyState>
            ) : (
              <TraceTable />
            )}
          </div>
          <TraceDetailPanel />
          <FilesPanel />
        </div>
      )}
    </div>
  );
}
