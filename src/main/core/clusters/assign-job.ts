// The assign job: places rows imported after a clustering run into its clusters, without re-clustering.
// Imports: engine (assign), the cluster repository, the traces domain's rows, vectors, embedders.
import { RunRef, type TextMode } from '../../../shared/contract/index.ts';
import { assignVectors } from './engine/cluster-api.ts';
import type { Calibration } from './engine/types.ts';
import type { ClusterRepository } from './cluster-repository.ts';
import type { JobHandler } from '../platform/jobs/job-runner.ts';
import type { VectorStore } from '../platform/vectors/lance-store.ts';
import { readRunVectors, writeRunVectors } from '../platform/vectors/row-vectors.ts';
import type { EmbedderFactory } from '../embed/index.ts';
import type { RowRepository } from '../traces/index.ts';

export function createAssignJob(clusters: ClusterRepository, rows: RowRepository, vectors: () => Promise<VectorStore>, embedders: EmbedderFactory): JobHandler<RunRef> {
  return {
    kind: 'assign',
    lane: 'cpu',
    params: RunRef,
    changes: ['clusters'],
    title: (p) => `Assign new rows to clustering #${p.runId}`,
    run: async (ctx) => {
      const { runId } = ctx.params;
      const model = clusters.model(runId);
      if (!model) throw new Error(`clustering run ${runId} does not exist`);
      const ids = clusters.unassignedRowIds(runId);
      if (ids.length === 0) return { runId, assigned: 0, outliers: 0 };
      ctx.progress(0, ids.length, 'Reading rows');
      const { rowIds, texts } = rows.texts((model.params.textMode as TextMode | undefined) ?? 'last-user', ids, ctx.signal);
      const embedder = await embedders.fromRun(model.embedder, model.embedderState);
      const fresh = await embedder.embed(texts, { signal: ctx.signal, jobId: ctx.jobId, onProgress: (p) => ctx.progress(p.done, p.total, 'Embedding') });
      ctx.progress(0, null, 'Assigning');
      const assignment = await assignVectors(fresh, rowIds.length, {
        dims: model.dims,
        outlierZ: model.outlierZ,
        clusters: model.clusters.map((c) => ({ id: c.id, centroid: c.centroid, calibration: c.calibration as Calibration })),
      }, { signal: ctx.signal });
      ctx.signal.throwIfAborted();
      // New rows sit at the map centre of their nearest cluster, spread a little so they stay visible as points.
      const store = await vectors();
      const old = await readRunVectors(store, runId);
      const centres = clusters.mapCentres(runId);
      clusters.addMembers(
        runId,
        Array.from(rowIds, (rowId, i) => {
          const nearest = assignment.nearest[i]!;
          const anchor = centres.get(nearest) ?? { x: 0, y: 0 };
          const jitter = ((rowId * 2654435761) % 1000) / 1000 - 0.5;
          const label = assignment.labels[i]!;
          return { rowId, clusterId: label < 0 ? null : label, nearestId: nearest < 0 ? null : nearest, score: assignment.scores[i]!, x: anchor.x + jitter * 0.02, y: anchor.y - jitter * 0.02 };
        }),
      );
      const merged = new Float32Array(old.vectors.length + fresh.length);
      merged.set(old.vectors);
      merged.set(fresh, old.vectors.length);
      await writeRunVectors(store, runId, [...old.rowIds, ...rowIds], merged, model.dims);
      const outliers = Array.from(assignment.labels).filter((l) => l < 0).length;
      ctx.progress(rowIds.length, rowIds.length, 'Done');
      return { runId, assigned: rowIds.length, outliers };
    },
  };
}
