// Handlers of the clusters.* and rows.similar commands.
// Imports: the cluster repository, clustering services, the traces domain's rows, vectors, jobs, rpc helpers.
import { TextMode } from '../../../shared/contract/index.ts';
import { mergeSavedClusters, splitSavedCluster } from './cluster-edits.ts';
import { BORDERLINE_SCORE, type ClusterRepository } from './cluster-repository.ts';
import type { JobRunner } from '../platform/jobs/job-runner.ts';
import { CommandError, type Handlers } from '../platform/rpc/router.ts';
import type { VectorStore } from '../platform/vectors/lance-store.ts';
import { similarRows } from '../platform/vectors/row-vectors.ts';
import type { RowRepository } from '../traces/index.ts';

type ClusterChannels =
  | 'clusters.run' | 'clusters.runs' | 'clusters.list' | 'clusters.members' | 'clusters.map'
  | 'clusters.rename' | 'clusters.merge' | 'clusters.split' | 'clusters.assign' | 'clusters.name' | 'rows.similar';

export function clusterHandlers(
  clusters: ClusterRepository,
  rows: RowRepository,
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
    'clusters.members': ({ runId, clusterId, sort, borderlineFirst, cursor, limit }) => {
      const id = clusterId === null ? runOrLatest(runId) : mustCluster(clusterId).runId;
      const order = sort ?? (borderlineFirst ? 'score-asc' : 'row');
      const after = decodeMemberCursor(cursor);
      const { total, items: refs } = clusters.members(id, clusterId, order, after, limit);
      const member = new Map(refs.map((m) => [m.rowId, m]));
      // Prompts read as the run saw them (an agent row's task, not its last "yes, go ahead").
      const items = rows.previews(refs.map((m) => m.rowId), runTextMode(clusters.run(id)?.params)).map((p) => {
        const m = member.get(p.rowId)!;
        return { ...p, clusterId: m.clusterId, score: m.score, borderline: m.clusterId !== null && m.score < BORDERLINE_SCORE };
      });
      const last = refs[refs.length - 1];
      return { total, items, nextCursor: items.length === limit && last ? `m:${last.score}:${last.rowId}` : null };
    },
    'clusters.map': ({ runId, maxPoints }) => clusters.mapPoints(runOrLatest(runId), maxPoints),
    'clusters.rename': ({ clusterId, name }) => {
      const renamed = clusters.rename(clusterId, name);
      if (!renamed) throw new CommandError('not_found', `cluster ${clusterId} does not exist`);
      return renamed;
    },
    'clusters.merge': async ({ clusterIds }) => mustCluster(await mergeSavedClusters(clusters, rows, await vectors(), clusterIds)),
    'clusters.split': async ({ clusterId, parts }) => (await splitSavedCluster(clusters, rows, await vectors(), clusterId, parts)).map(mustCluster),
    'clusters.assign': ({ runId }) => ({ jobId: jobs.start('assign', { runId: runOrLatest(runId) }).id }),
    'clusters.name': ({ runId }) => {
      if (!hasChatModel()) throw new CommandError('unavailable', 'naming with an LLM needs a chat model: set a base URL and model in Settings (or WINNOW_LLM_MODEL)');
      return { jobId: jobs.start('name-clusters', { runId: runOrLatest(runId) }).id };
    },
    'rows.similar': async ({ rowId, limit }) => {
      const runId = clusters.latestRunOfRow(rowId);
      if (runId === null) throw new CommandError('not_found', `row ${rowId} is in no clustering yet: cluster first to find similar rows`);
      const hits = await similarRows(await vectors(), runId, rowId, limit);
      const similarity = new Map(hits.map((h) => [h.rowId, h.similarity]));
      return rows.previews(hits.map((h) => h.rowId), runTextMode(clusters.run(runId)?.params)).map((p) => ({ rowId: p.rowId, traceId: p.traceId, similarity: similarity.get(p.rowId)!, prompt: p.prompt }));
    },
  };
}

/** The row text a run was clustered by; runs saved before `textMode` was recorded used the last user turn. */
function runTextMode(params: Record<string, unknown> | undefined): TextMode {
  const parsed = TextMode.safeParse(params?.['textMode']);
  return parsed.success ? parsed.data : 'last-user';
}

function decodeMemberCursor(cursor: string | undefined): { score: number; rowId: number } | null {
  if (cursor === undefined) return null;
  const match = /^m:([-0-9.e]+):(\d+)$/.exec(cursor);
  if (!match) throw new CommandError('invalid_input', `"${cursor}" is not a cursor returned by a previous page`);
  return { score: Number(match[1]), rowId: Number(match[2]) };
}
