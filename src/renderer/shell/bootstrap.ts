// Start-up: first loads, the event subscription that keeps stores current, and the readiness signal.
// Imports: the api client and the stores.
import type { DataDomain, Job } from '../../shared/contract/index.ts';
import { api } from '../api/index.ts';
import { throttle } from '../lib/throttle.ts';
import { useAppStore } from './app-store.ts';
import { useClustersStore } from '../features/clusters/clusters-store.ts';
import { refreshEvaluations } from '../features/evaluate/evaluate-events.ts';
import { useImportsStore } from '../features/traces/imports-store.ts';
import { useJobsStore } from '../features/jobs/jobs-store.ts';
import { useSettingsStore } from '../features/settings/settings-store.ts';
import { useTracesStore } from '../features/traces/traces-store.ts';

/** Starts the app's data flow; returns the cleanup that stops listening. */
export function bootstrap(): () => void {
  // Bursts of data.changed during an import would reload the table for every batch; once a second is plenty.
  const tracesChanged = throttle(() => {
    useTracesStore.getState().dataChanged();
    void useAppStore.getState().loadInfo();
  }, 1000);
  const importsChanged = throttle(() => void useImportsStore.getState().loadFiles(), 1000);
  const clustersChanged = throttle(() => useClustersStore.getState().refresh(), 1000);
  // A running evaluation reports results row by row; the open run's scores follow once a second.
  const evaluationsChanged = throttle(refreshEvaluations, 1000);
  const reloadNow: Record<DataDomain, (job: Job) => void> = {
    traces: () => {
      tracesChanged.cancel();
      // A reload would send the table back to the top under a user who scrolled while an import or its index ran.
      useTracesStore.getState().refreshInPlace();
      void useAppStore.getState().loadInfo();
    },
    imports: () => {
      importsChanged.cancel();
      void useImportsStore.getState().loadFiles();
    },
    clusters: (job) => {
      clustersChanged.cancel();
      // A new run is shown as soon as it exists; assignment and naming change the shown run in place.
      if (job.kind === 'cluster' && job.status === 'succeeded') useClustersStore.getState().runFinished();
      else useClustersStore.getState().refresh();
    },
    settings: () => {
      if (useSettingsStore.getState().status !== 'idle') void useSettingsStore.getState().load();
    },
    // The Datasets screens come with their own store; until then nothing shown depends on datasets.
    datasets: () => undefined,
    // The fine-tune dialog follows its own fine-tune; nothing else shown depends on it.
    finetunes: () => undefined,
    evaluations: () => {
      evaluationsChanged.cancel();
      refreshEvaluations();
    },
  };

  const unsubscribe = api().on((event) => {
    switch (event.name) {
      case 'job.progress':
        useJobsStore.getState().apply(event.payload.job);
        break;
      case 'job.settled': {
        const { job, changed } = event.payload;
        useJobsStore.getState().apply(job);
        // Settlement is the moment a job's writes are final: reload, at once, what the job declares it changes.
        for (const domain of changed) reloadNow[domain](job);
        break;
      }
      case 'data.changed':
        if (event.payload.domain === 'traces') tracesChanged();
        if (event.payload.domain === 'imports') importsChanged();
        if (event.payload.domain === 'clusters') clustersChanged();
        if (event.payload.domain === 'evaluations') evaluationsChanged();
        if (event.payload.domain === 'settings' && useSettingsStore.getState().status !== 'idle') void useSettingsStore.getState().load();
        break;
    }
  });

  void useAppStore
    .getState()
    .loadInfo()
    .finally(() => {
      // Tests wait on this instead of sleeping: the first app.info has answered (or failed visibly).
      document.documentElement.dataset.appState = useAppStore.getState().status === 'ready' ? 'ready' : 'error';
    });
  void useJobsStore.getState().load();
  void useImportsStore.getState().loadFiles();
  void useTracesStore.getState().reload();

  return () => {
    unsubscribe();
    tracesChanged.cancel();
    importsChanged.cancel();
    clustersChanged.cancel();
    evaluationsChanged.cancel();
  };
}
