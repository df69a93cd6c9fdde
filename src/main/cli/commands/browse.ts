// `winnow traces`, `winnow facets`, `winnow rejected`, `winnow notices`, `winnow jobs`: read-only views of the store.
// Imports: core, contract types, CLI helpers.
import type { CommandOutput, FacetName, TraceFilter } from '../../../shared/contract/index.ts';
import { FacetName as FacetNames, METADATA_PREFIX, TraceFilter as TraceFilterSchema } from '../../../shared/contract/index.ts';
import type { Core } from '../../core/create-core.ts';
import { UsageError, printJson, printLines, printable, write } from '../output.ts';

const FACETS = FacetNames.options;

function parseTime(field: string, value: string): number {
  const n = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  if (Number.isNaN(n)) throw new UsageError(`--where ${field}=${value}: not a date (use ISO 8601 or epoch milliseconds)`);
  return n;
}

const WHERE_FIELDS = [...FACETS, 'metadata.KEY', 'cluster', 'outlier', 'run', 'from', 'to', 'text', 'file'];

function positiveId(clause: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--where ${clause}: expected a positive whole number`);
  return n;
}

/**
 * `--where field=value`, repeatable; the same field twice means either value. `metadata.KEY=VALUE` filters on a
 * metadata key, `cluster=ID` on a cluster's traces, `outlier=true|false` on the latest run's outliers (or
 * `run=ID`'s). `search` is the full-text search of --search. The contract's limits are checked here, so a
 * filter too long is a usage error naming the limit.
 */
export function parseWhere(clauses: string[], search?: { text?: string; in?: string }): TraceFilter {
  const filter: TraceFilter = {};
  for (const clause of clauses) {
    const eq = clause.indexOf('=');
    if (eq <= 0) throw new UsageError(`--where ${clause}: expected field=value`);
    const field = clause.slice(0, eq);
    const value = clause.slice(eq + 1);
    if ((FACETS as readonly string[]).includes(field)) {
      const facet = field as FacetName;
      filter[facet] = [...(filter[facet] ?? []), value];
    } else if (field.startsWith(METADATA_PREFIX) && field.length > METADATA_PREFIX.length) {
      const key = field.slice(METADATA_PREFIX.length);
      const metadata = (filter.metadata ??= {});
      metadata[key] = [...(metadata[key] ?? []), value];
    } else if (field === 'cluster') filter.cluster = [...(filter.cluster ?? []), positiveId(clause, value)];
    else if (field === 'run') filter.clusterRun = positiveId(clause, value);
    else if (field === 'outlier') {
      if (value !== 'true' && value !== 'false') throw new UsageError(`--where ${clause}: outlier is true or false`);
      filter.outlier = value === 'true';
    } else if (field === 'from' || field === 'to') filter[field] = parseTime(field, value);
    else if (field === 'text') filter.text = value;
    else if (field === 'file') filter.fileId = Number(value);
    else throw new UsageError(`--where ${clause}: unknown field "${field}" (one of ${WHERE_FIELDS.join(', ')})`);
  }
  if (search?.text !== undefined) filter.search = search.text;
  if (search?.in !== undefined) {
    if (search.in !== 'all' && search.in !== 'conversation') throw new UsageError('--search-in must be all or conversation');
    filter.searchIn = search.in;
  }
  const checked = TraceFilterSchema.safeParse(filter);
  if (!checked.success) {
    throw new UsageError(`--where: ${checked.error.issues.map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`).join('; ')}`);
  }
  return filter;
}

/** A search needs the index: one behind the traces (an import before search existed, a cancelled index) is finished first. */
async function searchReady(core: Core, filter: TraceFilter): Promise<void> {
  if (filter.search === undefined) return;
  const state = await core.invoke('traces.searchIndex', {});
  if (state.jobId === null) return;
  process.stderr.write(`indexing ${(state.traces - state.indexed).toLocaleString('en-US')} traces for search…\n`);
  const job = await core.jobs.waitFor(state.jobId);
  if (job.status !== 'succeeded') throw new Error(`the search index could not be built: ${job.error ?? job.status}`);
}

/**
 * Streams pages as they come: `--json` prints {"total":N,"items":[…]} one item a line, so a million traces
 * print in constant memory instead of one string too long to build.
 */
export interface SearchOptions {
  search?: string;
  searchIn?: string;
}

export async function tracesCommand(core: Core, opts: { where: string[]; limit: number; json: boolean } & SearchOptions): Promise<number> {
  const where = parseWhere(opts.where, { text: opts.search, in: opts.searchIn });
  await searchReady(core, where);
  let printed = 0;
  let total = 0;
  for (let cursor: string | undefined, first = true; first || (cursor !== undefined && printed < opts.limit); first = false) {
    const res: CommandOutput<'traces.list'> = await core.invoke('traces.list', { where, cursor, limit: Math.min(1000, opts.limit - printed) });
    total = res.total;
    if (first && opts.json) await write(`{"total":${total},"items":[`);
    let chunk = '';
    for (const t of res.items) {
      if (opts.json) chunk += `${printed === 0 ? '' : ','}\n${JSON.stringify(t)}`;
      else chunk += `${printable(`#${t.id} ${t.status ?? '-'} ${t.environment ?? '-'} ${t.model ?? '-'}  ${t.prompt.slice(0, 80)}`)}\n`;
      printed++;
    }
    await write(chunk);
    cursor = res.nextCursor ?? undefined;
  }
  await write(opts.json ? `${printed === 0 ? '' : '\n'}]}\n` : `${printed} of ${total} traces\n`);
  return 0;
}

/** Every facet, built-in and `metadata.KEY`, with its most common values; `distinct` says how many values a metadata key has. */
export async function facetsCommand(core: Core, opts: { where: string[]; json: boolean } & SearchOptions): Promise<number> {
  const where = parseWhere(opts.where, { text: opts.search, in: opts.searchIn });
  await searchReady(core, where);
  const res = await core.invoke('traces.facets', { where });
  const facets: Record<string, { value: string | null; count: number }[]> = { ...res.facets };
  const distinct: Record<string, number> = {};
  for (const m of res.metadata) {
    facets[`${METADATA_PREFIX}${m.key}`] = m.values;
    distinct[`${METADATA_PREFIX}${m.key}`] = m.distinct;
  }
  if (opts.json) printJson({ total: res.total, timeRange: res.timeRange, facets, distinct });
  else {
    const lines = [`${res.total} traces`];
    for (const [facet, values] of Object.entries(facets)) {
      const more = (distinct[facet] ?? 0) - values.length;
      lines.push(`${printable(facet)}:`, ...values.map((v) => `  ${printable(v.value ?? '(none)')}  ${v.count}`), ...(more > 0 ? [`  … ${more} more`] : []));
    }
    printLines(lines);
  }
  return 0;
}

export async function rejectedCommand(core: Core, opts: { limit: number; json: boolean }): Promise<number> {
  const res = await core.invoke('imports.rejected', { limit: Math.min(1000, opts.limit) });
  if (opts.json) printJson({ total: res.total, items: res.items });
  else printLines([...res.items.map((r) => `${r.path}:${r.line}: ${r.message} [${r.code}]`), `${res.items.length} of ${res.total} rejected lines`]);
  return 0;
}

export async function noticesCommand(core: Core, opts: { limit: number; json: boolean }): Promise<number> {
  const res = await core.invoke('imports.notices', { limit: Math.min(1000, opts.limit) });
  if (opts.json) printJson({ total: res.total, items: res.items });
  else printLines([...res.items.map((n) => `${n.path}:${n.line}: ${n.message} [${n.code}]`), `${res.items.length} of ${res.total} notice lines`]);
  return 0;
}

export async function jobsCommand(core: Core, opts: { json: boolean }): Promise<number> {
  const jobs = await core.invoke('jobs.list', { limit: 50 });
  if (opts.json) printJson(jobs);
  else printLines(jobs.map((j) => `#${j.id} ${j.kind} ${j.status} ${j.phase} ${j.done}/${j.total ?? '?'} ${j.error ?? ''}`));
  return 0;
}

export async function resumeCommand(core: Core, opts: { id: number; json: boolean }): Promise<number> {
  if (!Number.isInteger(opts.id) || opts.id <= 0) throw new UsageError('resume needs a job id');
  await core.invoke('jobs.resume', { id: opts.id });
  const job = await core.jobs.waitFor(opts.id);
  if (opts.json) printJson(job);
  else printLines([`job ${job.id}: ${job.status}${job.error ? ` — ${job.error}` : ''}`]);
  return job.status === 'succeeded' ? 0 : 1;
}
