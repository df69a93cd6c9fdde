// Handlers of the clusters.* and rows.similar commands.
// Imports: db repositories, clustering services, vectors, jobs, rpc helpers.
import type { Database } from 'better-sqlite3';
import { mergeSavedClusters, splitSavedCluster } from './cluster-edits.ts';
import type { ClusterRepository } from './cluster-repository.ts';
import type { JobRunner } from '../platform/jobs/job-runner.ts';
import { CommandError, type Handlers } from '../platform/rpc/router.ts';
import type { VectorStore } from '../platform/vectors/lance-store.ts';
import { similarRows } from '../platform/vectors/row-vectors.ts';
import { lastUserText, truncate } from '../traces/previews.ts';
import { storedTrace } from '../traces/stored-trace.ts';

type ClusterChannels =
  | 'clusters.run' | 'clusters.runs' | 'clusters.list' | 'clusters.members' | 'clusters.map'
  | 'clusters.rename' | 'clusters.merge' | 'clusters.split' | 'clusters.assign' | 'clusters.name' | 'rows.similar';

export function clusterHandlers(
  db: Database,
  clusters: ClusterRepository,
  jobs: JobRunner,
  vectors: () => Promise<VectorStore>,
  hasChatModel: () => boolean,
): Pick<Handlers, ClusterChannels> {
  const runOrLatest = (runId: number | undefined): number => {
    const id = runId ?? clusters.latestRunId();
    if (id === null) throw new CommandError('not_found', 'there is no clustering yet: run one first');
    if (!clusters.run(id)) throw new CommandError('not_found', `clustering run ${id} does not exist`);
    return id;
  };
  const mustCluster = (id: number) => {
    const info = clusters.cluster(id);
    if (!info) throw new CommandError('not_found', `cluster ${id} does not exist`);
    return info;
  };
  return {
    'clusters.run': (params) => {
      if (params.nameWithLlm && !hasChatModel()) {
        throw new CommandError('unavailable', 'naming with an LLM needs a chat model: set a base URL and model in Settings (or WINNOW_LLM_MODEL)');
      }
      return { jobId: jobs.start('cluster', params).id };
    },
    'clusters.runs': () => clusters.runs(),
    'clusters.list': ({ runId }) => {
      const id = runId ?? clusters.latestRunId();
      if (id === null) return { run: null, clusters: [] };
      const run = clusters.run(id);
      if (!run) throw new CommandError('not_found', `clustering run ${id} does not exist`);
      return { run, clusters: clusters.clusters(id) };
    },
    'clusters.members': ({ runId, clusterId, borderlineFirst, cursor, limit }) => {
      const id = clusterId === null ? runOrLatest(runId) : mustCluster(clusterId).runId;
      const after = decodeMemberCursor(cursor);
      const { total, items } = clusters.members(id, clusterId, borderlineFirst, after, limit);
      const last = items[items.length - 1];
      return { total, items, nextCursor: items.length === limit && last ? `m:${last.score}:${last.rowId}` : null };
    },
    'clusters.map': ({ runId, maxPoints }) => clusters.mapPoints(runOrLatest(runId), maxPoints),
    'clusters.rename': ({ clusterId, name }) => {
      mustCluster(clusterId);
      clusters.rename(clusterId, name);
      return mustCluster(clusterId);
    },
    'clusters.merge': async ({ clusterIds }) => mustCluster(await mergeSavedClusters(db, clusters, await vectors(), clusterIds)),
    'clusters.split': async ({ clusterId, parts }) => (await splitSavedCluster(db, clusters, await vectors(), clusterId, parts)).map(mustCluster),
    'clusters.assign': ({ runId }) => ({ jobId: jobs.start('assign', { runId: runOrLatest(runId) }).id }),
    'clusters.name': ({ runId }) => {
      if (!hasChatModel()) throw new CommandError('unavailable', 'naming with an LLM needs a chat model: set a base URL and model in Settings (or WINNOW_LLM_MODEL)');
      return { jobId: jobs.start('name-clusters', { runId: runOrLatest(runId) }).id };
    },
    'rows.similar': async ({ rowId, limit }) => {
      const runId = (db.prepare('SELECT MAX(run_id) AS id FROM cluster_members WHERE row_id = ?').get(rowId) as { id: number | null }).id;
      if (runId === null) throw new CommandError('not_found', `row ${rowId} is in no clustering yet: cluster first to find similar rows`);
      const hits = await similarRows(await vectors(), runId, rowId, limit);
      const lookup = db.prepare('SELECT r.trace_id, r.prompt_end, x.raw, t.format, x.normalized_json FROM rows r JOIN traces t ON t.id = r.trace_id JOIN trace_raw x ON x.id = r.trace_id WHERE r.id = ?');
      return hits.map((h) => {
        const r = lookup.get(h.rowId) as { trace_id: number; prompt_end: number; raw: string; format: string; normalized_json: string | null };
        return { rowId: h.rowId, traceId: r.trace_id, similarity: h.similarity, prompt: truncate(lastUserText(storedTrace(r.raw, r.format, r.normalized_json).messages, r.prompt_end)) };
      });
    },
  };
}

function decodeMemberCursor(cursor: string | undefined): { score: number; rowId: number } | null {
  if (cursor === undefined) return null;
  const match = /^m:([-0-9.e]+):(\d+)$/.exec(cursor);
  if (!match) throw new CommandError('invalid_input', `"${cursor}" is not a cursor returned by a previous page`);
  return { score: Number(match[1]), rowId: Number(match[2]) };
}
