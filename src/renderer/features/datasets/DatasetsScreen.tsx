// The Datasets screen: the list of datasets (or how to make the first one), or one open dataset.
// Imports: react, components, dataset parts, the app, ui and datasets stores.
import { useEffect, type ReactElement } from 'react';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { Kbd } from '../../components/Kbd.tsx';
import { useAppStore } from '../../shell/app-store.ts';
import { useUiStore } from '../../shell/ui-store.ts';
import { DatasetList } from './DatasetList.tsx';
import { useDatasetsStore } from './datasets-store.ts';
import { DatasetView } from './DatasetView.tsx';

export function DatasetsScreen(): ReactElement {
  const list = useDatasetsStore((s) => s.list);
  const listError = useDatasetsStore((s) => s.listError);
  const open = useDatasetsStore((s) => s.open);
  const loadList = useDatasetsStore((s) => s.loadList);
  useEffect(() => {
    void loadList();
  }, [loadList]);

  if (open) return <DatasetView dataset={open} />;
  return (
    <div className="page dataset-page">
      {listError ? <ErrorNote message={listError} onRetry={() => void loadList()} /> : null}
      {list.length === 0 ? <NoDatasets /> : <DatasetList />}
    </div>
  );
}

function NoDatasets(): ReactElement {
  const traces = useAppStore((s) => s.info?.traces ?? 0);
  const go = useUiStore((s) => s.go);
  return (
    <EmptyState
      icon="datasets"
      title="No datasets yet"
      action={
        <button type="button" className="btn btn-primary" onClick={() => go(traces === 0 ? 'traces' : 'clusters')}>
          {traces === 0 ? 'Import traces' : 'Browse clusters'} <Kbd keys={traces === 0 ? 'g t' : 'g c'} />
        </button>
      }
    >
      <p>
        A dataset is a curated set of rows for evaluation or training. You edit a draft, then freeze it into an immutable,
        hashed version you can export.
      </p>
      <p className="muted">
        Make one with “Promote to dataset” on a cluster, “Create dataset from this filter” on Traces, or “Add to dataset” on a trace.
      </p>
    </EmptyState>
  );
}
