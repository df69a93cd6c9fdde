// `winnow dataset create|add|list|show|freeze|diff|split` and `winnow export`: datasets over the same core
// commands as the window; `--json` prints the documents the README describes. Imports: core, contract, CLI helpers.
import type { AddReport, CommandOutput, ExportFormat, RowSource, TraceFilter } from '../../../shared/contract/index.ts';
import { DatasetKind, ExportFormat as ExportFormats, ExportPiiPolicy } from '../../../shared/contract/index.ts';
import type { Core } from '../../core/create-core.ts';
import { parseVersioned } from '../../core/datasets/index.ts';
import type { ExportResult } from '../../core/export/index.ts';
import { UsageError, printJson, printLines } from '../output.ts';
import { parseWhere } from './browse.ts';

export interface DatasetOptions {
  kind: string | undefined;
  fromCluster: string | undefined;
  pick: string | undefined;
  minScore: string | undefined;
  where: string[];
  exclude: string | undefined;
  description: string | undefined;
  near: string | undefined;
  trace: string | undefined;
  rows: string | undefined;
  test: string | undefined;
  validation: string | undefined;
  seed: string | undefined;
  json: boolean;
}

function positiveInt(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} must be a positive whole number, not "${value}"`);
  return n;
}

function fraction(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n >= 1) throw new UsageError(`${flag} must be a number from 0 to below 1, not "${value}"`);
  return n;
}

/** `3,5,9` (spaces allowed) as ids; each must be a positive whole number. */
function idList(flag: string, value: string): number[] {
  const parts = value.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0) throw new UsageError(`${flag} needs at least one id, as ${flag} 3,5,9`);
  return parts.map((p) => positiveInt(flag, p));
}

const PICKS = ['all', 'members', 'above', 'picked'] as const;

/** The source named by --from-cluster, --where, --rows or --trace; at most one kind of source. */
function sourceOf(opts: DatasetOptions): RowSource | undefined {
  const rowsAlone = opts.rows !== undefined && opts.fromCluster === undefined;
  const given = [opts.fromCluster !== undefined, opts.where.length > 0, opts.trace !== undefined, rowsAlone].filter(Boolean).length;
  if (given > 1) throw new UsageError('give one source: --from-cluster ID, --where F=V (repeatable), --rows IDS or --trace IDS');
  if (opts.fromCluster !== undefined) {
    const pick = opts.pick ?? (opts.rows !== undefined ? 'picked' : opts.minScore !== undefined ? 'above' : 'members');
    if (!(PICKS as readonly string[]).includes(pick)) throw new UsageError(`--pick must be all, members, above or picked, not "${pick}"`);
    if (pick === 'picked' && opts.rows === undefined) throw new UsageError('--pick picked needs the members to promote: --rows 12,15,40');
    if (pick !== 'picked' && opts.rows !== undefined) throw new UsageError(`--rows goes with --pick picked, not --pick ${pick}`);
    return {
      type: 'cluster',
      clusterId: positiveInt('--from-cluster', opts.fromCluster),
      pick: pick as (typeof PICKS)[number],
      ...(opts.minScore !== undefined ? { minScore: fraction('--min-score', opts.minScore) } : {}),
      ...(opts.rows !== undefined ? { rowIds: idList('--rows', opts.rows) } : {}),
    };
  }
  if (opts.where.length > 0) {
    const where: TraceFilter = parseWhere(opts.where);
    return { type: 'filter', where };
  }
  if (opts.rows !== undefined) return { type: 'rows', rowIds: idList('--rows', opts.rows) };
  if (opts.trace !== undefined) {
    const traceIds = idList('--trace', opts.trace);
    return traceIds.length === 1 ? { type: 'trace', traceId: traceIds[0]! } : { type: 'traces', traceIds };
  }
  return undefined;
}

function reportLines(r: AddReport): string[] {
  return [`${r.dataset}: ${r.added} of ${r.offered} rows added, ${r.draftRows} in the draft`, ...r.notes, ...r.missingColumnMessages];
}

export async function datasetCommand(core: Core, args: string[], opts: DatasetOptions): Promise<number> {
  const [verb, ...rest] = args;
  switch (verb) {
    case 'create': {
      const name = one(rest, 'dataset create NAME');
      const kind = DatasetKind.safeParse(opts.kind);
      if (!kind.success) throw new UsageError('--kind must be eval or training');
      let excludeEval: { dataset: string; version: number } | undefined;
      if (opts.exclude !== undefined) {
        const ref = parseVersioned(opts.exclude);
        if (typeof ref.version !== 'number') throw new UsageError('--exclude takes a frozen eval version, as EVALNAME@v1');
        excludeEval = { dataset: ref.name, version: ref.version };
      }
      const source = sourceOf(opts);
      const { report } = await core.invoke('datasets.create', {
        name,
        kind: kind.data,
        ...(opts.description !== undefined ? { description: opts.description } : {}),
        ...(excludeEval ? { excludeEval } : {}),
        ...(opts.near !== undefined ? { nearThreshold: Number(opts.near) } : {}),
        ...(source ? { source } : {}),
      });
      if (opts.json) {
        printJson({
          dataset: report.dataset,
          draftRows: report.draftRows,
          excluded: report.leakage?.excluded ?? { exact: 0, normalized: 0, near: 0, conversation: 0 },
          overlap: report.leakage?.overlap ?? 0,
          warning: report.leakage?.warning ?? null,
          added: report.added,
          leftOut: report.leftOut,
        });
      } else printLines(reportLines(report));
      return 0;
    }
    case 'add': {
      const name = one(rest, 'dataset add NAME');
      const source = sourceOf(opts);
      if (!source) throw new UsageError('dataset add needs a source: --trace IDS, --rows IDS, --from-cluster ID or --where F=V');
      const report = await core.invoke('datasets.addRows', { dataset: name, source });
      if (opts.json) printJson(report);
      else printLines(reportLines(report));
      return 0;
    }
    case 'list': {
      const list = await core.invoke('datasets.list', {});
      if (opts.json) printJson(list);
      else
        printLines(
          list.length === 0
            ? ['no datasets yet: `winnow dataset create NAME --kind eval|training --from-cluster ID`']
            : list.map((d) => `${d.name}  ${d.kind}  latest ${d.latestVersion === null ? '-' : `v${d.latestVersion} (${d.latestRows} rows)`}  draft ${d.draftRows ?? '-'}`),
        );
      return 0;
    }
    case 'show': {
      const ref = parseVersioned(one(rest, 'dataset show NAME[@vN]'));
      const detail = await core.invoke('datasets.get', { dataset: ref.name });
      const versions = ref.version === undefined ? detail.versions : detail.versions.filter((v) => v.label === (ref.version === 'draft' ? 'draft' : `v${ref.version}`));
      if (ref.version !== undefined && versions.length === 0) {
        throw new UsageError(`"${detail.name}" has no ${ref.version === 'draft' ? 'draft' : `v${ref.version}`} (it has ${detail.versions.map((v) => v.label).join(', ') || 'no versions'})`);
      }
      if (opts.json) printJson(ref.version === undefined ? detail : { ...detail, versions, version: versions[0] });
      else
        printLines([
          `${detail.name} (${detail.kind})${detail.excludes ? `, excludes ${detail.excludes}` : ''}`,
          ...versions.map((v) => `  ${v.label}  ${v.rows} rows  ${v.sha256 ?? '(draft)'}${v.split ? `  split seed ${v.split.seed}` : ''}${v.warnings.length ? `  warnings: ${v.warnings.join('; ')}` : ''}`),
        ]);
      return 0;
    }
    case 'freeze': {
      const { number: _number, ...frozen } = await core.invoke('datasets.freeze', { dataset: one(rest, 'dataset freeze NAME') });
      if (opts.json) printJson(frozen);
      else printLines([`${frozen.dataset} ${frozen.version}: ${frozen.rows} rows, ${frozen.hash}`, ...frozen.warnings.map((w) => `warning: ${w}`)]);
      return 0;
    }
    case 'diff':
      return diffCommand(core, rest, opts.json);
    case 'split': {
      const ref = parseVersioned(one(rest, 'dataset split NAME@vN'));
      if (ref.version === undefined) throw new UsageError('name the version to split, as NAME@v1 (or NAME@draft)');
      if (opts.test === undefined) throw new UsageError('dataset split needs --test FRACTION (e.g. 0.2)');
      const result = await core.invoke('datasets.split', {
        dataset: ref.name,
        version: ref.version,
        test: fraction('--test', opts.test),
        validation: opts.validation === undefined ? 0 : fraction('--validation', opts.validation),
        seed: opts.seed === undefined ? 1 : Number(opts.seed),
      });
      if (opts.json) printJson(result);
      else printLines([`${result.dataset}@${result.version} seed ${result.seed}: train ${result.rows.train}, validation ${result.rows.validation}, test ${result.rows.test}`]);
      return 0;
    }
    default:
      throw new UsageError(`unknown dataset command "${verb ?? ''}": create, add, list, show, freeze, diff or split`);
  }
}

async function diffCommand(core: Core, rest: string[], json: boolean): Promise<number> {
  if (rest.length !== 2) throw new UsageError('dataset diff takes two versions: NAME@v1 NAME@v2');
  const [a, b] = rest.map(parseVersioned) as [ReturnType<typeof parseVersioned>, ReturnType<typeof parseVersioned>];
  if (a.name !== b.name) throw new UsageError('both versions must be of the same dataset');
  if (a.version === undefined || b.version === undefined) throw new UsageError('name both versions, as NAME@v1 NAME@v2');
  const lists = { added: [] as number[], removed: [] as number[], changed: [] as { rowKey: number; fields: string[] }[] };
  let first: CommandOutput<'datasets.diff'> | undefined;
  for (let cursor: string | undefined, more = true; more; ) {
    const page = await core.invoke('datasets.diff', { dataset: a.name, from: a.version, to: b.version, cursor, limit: 1000 });
    first ??= page;
    for (const item of page.items) {
      if (item.before === null) lists.added.push(item.rowKey);
      else if (item.after === null) lists.removed.push(item.rowKey);
      else lists.changed.push({ rowKey: item.rowKey, fields: item.fields });
    }
    cursor = page.nextCursor ?? undefined;
    more = cursor !== undefined;
  }
  const doc = { dataset: a.name, from: first!.from, to: first!.to, counts: first!.counts, ...lists };
  if (json) printJson(doc);
  else
    printLines([
      `${doc.dataset} ${doc.from} → ${doc.to}: ${doc.counts.added} added, ${doc.counts.removed} removed, ${doc.counts.changed} changed, ${doc.counts.unchanged} unchanged`,
      ...lists.changed.slice(0, 20).map((c) => `  row ${c.rowKey}: ${c.fields.join(', ')}`),
    ]);
  return 0;
}

export async function exportCommand(core: Core, args: string[], opts: { format: string; out: string | undefined; pii: string; json: boolean }): Promise<number> {
  const ref = parseVersioned(one(args, 'export NAME@vN'));
  if (ref.version === undefined) throw new UsageError('name the version to export, as NAME@v1 (or NAME@draft, which exports with a warning)');
  const format = ExportFormats.safeParse(opts.format);
  if (!format.success) throw new UsageError(`--format must be one of ${ExportFormats.options.join(', ')}`);
  if (!opts.out) throw new UsageError('export needs --out PATH (a new or empty folder)');
  const pii = ExportPiiPolicy.safeParse(opts.pii);
  if (!pii.success) throw new UsageError('--pii must be warn or refuse');
  const { jobId, warning } = await core.invoke('datasets.export', { dataset: ref.name, version: ref.version, format: format.data as ExportFormat, out: opts.out, pii: pii.data });
  if (warning) process.stderr.write(`winnow: warning: ${warning}\n`);
  const onSigint = (): void => void core.invoke('jobs.cancel', { id: jobId });
  process.once('SIGINT', onSigint);
  const job = await core.jobs.waitFor(jobId);
  process.off('SIGINT', onSigint);
  if (job.status !== 'succeeded') {
    process.stderr.write(`winnow: export ${job.status}${job.error ? `: ${job.error}` : ''}\n`);
    return 1;
  }
  const result = job.result as ExportResult;
  if (opts.json) printJson(result);
  else printLines([`${result.dataset}@${result.version} → ${result.dir}: ${result.rows} rows in ${result.files.join(', ')}`]);
  return 0;
}

function one(rest: string[], usage: string): string {
  if (rest.length !== 1 || !rest[0]) throw new UsageError(`usage: winnow ${usage}`);
  return rest[0];
}
