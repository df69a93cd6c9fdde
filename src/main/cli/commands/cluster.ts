// `winnow cluster` runs a clustering to the end; `winnow clusters` prints the latest run's clusters,
// with `--members` every member's row, trace, file, line and score. Imports: core, contract, CLI helpers.
import type { ClusterRunParams } from '../../../shared/contract/index.ts';
import { ClusterRunParams as RunParams } from '../../../shared/contract/index.ts';
import type { Core } from '../../core/create-core.ts';
import { UsageError, printJson, printLines } from '../output.ts';

export interface ClusterOptions {
  embedder: string;
  textMode: string;
  granularity: string | undefined;
  minClusterSize: string | undefined;
  nameWithLlm: boolean;
  json: boolean;
}

export async function clusterCommand(core: Core, opts: ClusterOptions): Promise<number> {
  const parsed = RunParams.safeParse({
    embedder: opts.embedder,
    textMode: opts.textMode,
    ...(opts.granularity === undefined ? {} : { granularity: Number(opts.granularity) }),
    ...(opts.minClusterSize === undefined ? {} : { minClusterSize: Number(opts.minClusterSize) }),
    nameWithLlm: opts.nameWithLlm,
  });
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('; '));
  const params: ClusterRunParams = parsed.data;
  const { jobId } = await core.invoke('clusters.run', params);
  const onSigint = (): void => void core.invoke('jobs.cancel', { id: jobId });
  process.once('SIGINT', onSigint);
  const job = await core.jobs.waitFor(jobId);
  process.off('SIGINT', onSigint);
  if (job.status !== 'succeeded') {
    process.stderr.write(`winnow: clustering ${job.status}${job.error ? `: ${job.error}` : ''}\n`);
    return 1;
  }
  const { runId } = job.result as { runId: number };
  const { run, clusters } = await core.invoke('clusters.list', { runId });
  const fine = clusters.filter((c) => c.level === 'cluster');
  if (opts.json) {
    printJson({
      run: runId,
      clusters: clusters.map((c) => ({ id: c.id, name: c.name, size: c.size, parent: c.parentId, level: c.level, keywords: c.keywords })),
      outliers: run?.outliers ?? 0,
    });
  } else {
    printLines([
      ...fine.map((c) => `#${c.id}  ${String(c.size).padStart(6)}  ${(100 * c.share).toFixed(1).padStart(5)} %  ${c.name}`),
      `run ${runId}: ${fine.length} clusters in ${clusters.length - fine.length} groups; ${run?.outliers ?? 0} outliers (${(100 * (run?.outlierShare ?? 0)).toFixed(1)} %)`,
    ]);
  }
  return 0;
}

export async function clustersCommand(core: Core, opts: { run: string | undefined; members: boolean; json: boolean }): Promise<number> {
  const runId = opts.run === undefined ? undefined : Number(opts.run);
  if (runId !== undefined && !(Number.isInteger(runId) && runId > 0)) throw new UsageError('--run must be a run id');
  const { run, clusters } = await core.invoke('clusters.list', runId === undefined ? {} : { runId });
  if (!run) throw new UsageError('there is no clustering yet: run `winnow cluster` first');
  const withMembers = [];
  for (const c of clusters) {
    const members = [];
    if (opts.members && c.level === 'cluster') {
      for (let cursor: string | undefined, more = true; more; ) {
        const page = await core.invoke('clusters.members', { clusterId: c.id, cursor, limit: 1000 });
        members.push(...page.items.map((m) => ({ row: m.rowId, trace: m.traceId, file: m.file, line: m.line, score: m.score })));
        cursor = page.nextCursor ?? undefined;
        more = cursor !== undefined;
      }
    }
    withMembers.push({ ...c, ...(opts.members && c.level === 'cluster' ? { members } : {}) });
  }
  let outliers: { row: number; trace: number; file: string; line: number; score: number }[] = [];
  if (opts.members) {
    for (let cursor: string | undefined, more = true; more; ) {
      const page = await core.invoke('clusters.members', { runId: run.id, clusterId: null, cursor, limit: 1000 });
      outliers = outliers.concat(page.items.map((m) => ({ row: m.rowId, trace: m.traceId, file: m.file, line: m.line, score: m.score })));
      cursor = page.nextCursor ?? undefined;
      more = cursor !== undefined;
    }
  }
  if (opts.json) printJson({ run, clusters: withMembers, ...(opts.members ? { outliers } : {}) });
  else {
    printLines(
      withMembers.flatMap((c) => [
        `${c.level === 'group' ? '▸' : '  #' + c.id}  ${c.name}  (${c.size} rows, mean membership ${c.meanScore.toFixed(2)}, ${c.borderline} borderline)`,
        ...(c.level === 'cluster' ? c.representatives.slice(0, 3).map((r) => `      “${r.text.slice(0, 100)}”`) : []),
      ]),
    );
  }
  return 0;
}
