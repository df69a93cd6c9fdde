// Gathers the candidate rows of a source (cluster, traces filter, row ids, picked traces, one trace) with their content, the
// clustering run they were read against, the recipe entry that describes the source, and a proposed task
// description when the source is a cluster. Imports: rpc errors, contract types, source repository, promote.
import type { RowSource } from '../../../shared/contract/index.ts';
import { CommandError } from '../platform/rpc/router.ts';
import { promoteRows, type Promoted } from './promote.ts';
import type { ClusterRecord, SourceRepository } from './source-repository.ts';

export interface Collected extends Promoted {
  /** Row ids the source named that exist. */
  offered: number;
  run: { id: number; embedder: string; params: unknown } | null;
  recipe: Record<string, unknown>;
  taskDescription: string | null;
}

export function collectRows(sources: SourceRepository, source: RowSource, signal?: AbortSignal): Collected {
  let ids: number[];
  let cluster: ClusterRecord | null = null;
  let recipe: Record<string, unknown>;
  switch (source.type) {
    case 'cluster': {
      cluster = sources.cluster(source.clusterId) ?? null;
      if (!cluster) throw new CommandError('not_found', `cluster ${source.clusterId} does not exist: list clusters to pick one`);
      if (source.pick === 'above' && source.minScore === undefined) throw new CommandError('invalid_input', 'pick "above" needs minScore (0 to 1)');
      if (source.pick === 'picked') {
        if (!source.rowIds || source.rowIds.length === 0) throw new CommandError('invalid_input', 'pick "picked" needs the rowIds to promote');
        const members = new Set(sources.clusterRowIds(cluster, 'all', 0));
        const outside = source.rowIds.filter((id) => !members.has(id));
        if (outside.length > 0) throw new CommandError('invalid_input', `rows ${outside.slice(0, 5).join(', ')} are not in cluster ${cluster.id} ("${cluster.name}")`);
        ids = [...new Set(source.rowIds)].sort((a, b) => a - b);
      } else ids = sources.clusterRowIds(cluster, source.pick, source.minScore ?? 0);
      recipe = { type: 'cluster', clusterId: cluster.id, clusterName: cluster.name, runId: cluster.run_id, pick: source.pick, ...(source.pick === 'above' ? { minScore: source.minScore } : {}) };
      break;
    }
    case 'filter':
      ids = sources.filterRowIds(source.where);
      recipe = { type: 'filter', where: source.where };
      break;
    case 'rows':
      ids = [...new Set(source.rowIds)].sort((a, b) => a - b);
      recipe = { type: 'rows', rowIds: ids.length };
      break;
    case 'trace':
      ids = sources.traceRowIds(source.traceId);
      if (ids.length === 0) throw new CommandError('not_found', `trace ${source.traceId} does not exist or has no rows`);
      recipe = { type: 'trace', traceId: source.traceId };
      break;
    case 'traces': {
      const traceIds = [...new Set(source.traceIds)].sort((a, b) => a - b);
      const perTrace = traceIds.map((id) => ({ id, rows: sources.traceRowIds(id) }));
      const missing = perTrace.filter((t) => t.rows.length === 0).map((t) => t.id);
      if (missing.length > 0) throw new CommandError('not_found', `traces ${missing.slice(0, 5).join(', ')} do not exist or have no rows: pick traces from the table shown`);
      ids = perTrace.flatMap((t) => t.rows).sort((a, b) => a - b);
      recipe = { type: 'traces', traces: traceIds.length };
      break;
    }
  }
  const runRecord = cluster ? sources.run(cluster.run_id) : sources.latestRun();
  const run = runRecord ? { id: runRecord.id, embedder: runRecord.embedder, params: JSON.parse(runRecord.params_json) as unknown } : null;
  const promoted = promoteRows(sources.rows(ids, run?.id ?? null), signal);
  const offered = promoted.rows.length + promoted.failed + promoted.emptyResponse;
  if (source.type === 'rows' && offered < ids.length) {
    throw new CommandError('not_found', `${ids.length - offered} of the ${ids.length} row ids do not exist: pick rows from the traces or clusters shown`);
  }
  return { ...promoted, offered, run, recipe, taskDescription: cluster ? proposeTask(cluster) : null };
}

/** The cluster's name, description and rules as a first task description the user can edit. */
export function proposeTask(c: ClusterRecord): string {
  const parts = [c.description?.trim() ? `${c.name}: ${c.description.trim()}` : c.name];
  if (c.include_rule?.trim()) parts.push(`Includes: ${c.include_rule.trim()}`);
  if (c.exclude_rule?.trim()) parts.push(`Excludes: ${c.exclude_rule.trim()}`);
  return parts.join('\n');
}
