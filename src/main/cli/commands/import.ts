// `winnow import FILE...`: runs an import job to the end and reports per file what it gave, rejected and flagged.
// Imports: core, contract types, CLI helpers.
import { resolve } from 'node:path';
import type { RecordFormat } from '../../../shared/contract/index.ts';
import type { Core } from '../../core/create-core.ts';
import { UsageError, printJson, printLines } from '../output.ts';

export interface ImportOptions {
  files: string[];
  format: string;
  multiTurn: string;
  json: boolean;
}

const FORMATS = ['auto', 'openai-chat', 'langfuse', 'prompt-response', 'provider-body'];

export async function importCommand(core: Core, opts: ImportOptions): Promise<number> {
  if (opts.files.length === 0) throw new UsageError('import needs at least one FILE');
  if (!FORMATS.includes(opts.format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  if (opts.multiTurn !== 'split' && opts.multiTurn !== 'keep') throw new UsageError('--multi-turn must be split or keep');
  const paths = opts.files.map((f) => resolve(f));
  const { jobId } = await core.invoke('imports.start', {
    paths,
    format: opts.format as RecordFormat,
    multiTurn: opts.multiTurn as 'split' | 'keep',
  });

  // Ctrl-C cancels the job, which stops after its current batch: the store keeps complete batches only.
  const onSigint = (): void => void core.invoke('jobs.cancel', { id: jobId });
  process.once('SIGINT', onSigint);
  const stopProgress = opts.json || !process.stderr.isTTY ? () => {} : showProgress(core, jobId);
  const job = await core.jobs.waitFor(jobId);
  stopProgress();
  process.off('SIGINT', onSigint);
  await waitForSearchIndex(core);

  const files = (await core.invoke('imports.files', {})).filter((f) => paths.includes(f.path));
  const report = [];
  for (const path of paths) {
    const file = files.find((f) => f.path === path);
    if (!file) continue;
    const errors = [];
    for (let cursor: string | undefined, more = true; more; ) {
      const pageOfLines = await core.invoke('imports.rejected', { fileId: file.id, cursor, limit: 1000 });
      errors.push(...pageOfLines.items.map((r) => ({ line: r.line, code: r.code, message: `${path}:${r.line}: ${r.message}` })));
      cursor = pageOfLines.nextCursor ?? undefined;
      more = cursor !== undefined;
    }
    // Lines that imported but carry a notice (empty answer, implausible value, ...): the first 1,000 per code.
    const warnings = [];
    for (let cursor: string | undefined, more = true; more; ) {
      const pageOfLines = await core.invoke('imports.notices', { fileId: file.id, cursor, limit: 1000 });
      warnings.push(...pageOfLines.items.map((n) => ({ line: n.line, code: n.code, message: `${path}:${n.line}: ${n.message}` })));
      cursor = pageOfLines.nextCursor ?? undefined;
      more = cursor !== undefined;
    }
    const formats = Object.keys(file.formats);
    report.push({
      path,
      format: formats.length === 1 ? formats[0] : formats.length === 0 ? 'unknown' : 'mixed',
      formats: file.formats,
      fileFormat: file.fileFormat,
      status: file.status,
      ...(file.error ? { error: file.error } : {}),
      traces: file.traces,
      rows: file.rows,
      skipped: file.duplicates + file.blankLines + file.rejected,
      duplicates: file.duplicates,
      blankLines: file.blankLines,
      rejected: file.rejected,
      notices: file.notices,
      noticeCodes: file.noticeCodes,
      errors,
      warnings,
    });
  }
  const document = {
    job: { id: job.id, status: job.status, ...(job.error ? { error: job.error } : {}) },
    files: report,
    traces: report.reduce((n, f) => n + f.traces, 0),
    rows: report.reduce((n, f) => n + f.rows, 0),
  };
  if (opts.json) printJson(document);
  else {
    const lines = report.flatMap((f) => [
      `${f.path} (${f.format}): ${f.status}${f.error ? ` — ${f.error}` : ''}`,
      `  ${f.traces} traces, ${f.rows} rows; skipped ${f.skipped} (${f.duplicates} duplicates, ${f.blankLines} blank, ${f.rejected} rejected)`,
      ...f.errors.slice(0, 20).map((e) => `  ${e.message} [${e.code}]`),
      ...(f.errors.length > 20 ? [`  … and ${f.errors.length - 20} more (use --json for all)`] : []),
      ...(f.notices > 0 ? [`  ${f.notices} ${f.notices === 1 ? 'notice' : 'notices'} (${Object.entries(f.noticeCodes).map(([code, n]) => `${n} ${code}`).join(', ')})`] : []),
      ...f.warnings.slice(0, 20).map((w) => `  ${w.message} [${w.code}]`),
      ...(f.warnings.length > 20 ? [`  … and ${f.notices - 20} more (use --json for the first 1,000 of each kind)`] : []),
    ]);
    lines.push(`job ${job.id}: ${job.status}; ${document.traces} traces, ${document.rows} rows imported`);
    printLines(lines);
  }
  return job.status === 'succeeded' && report.every((f) => f.status === 'complete') ? 0 : 1;
}

function showProgress(core: Core, jobId: number): () => void {
  return core.events.on((event) => {
    if (event.name !== 'job.progress' || event.payload.job.id !== jobId) return;
    const { done, total, phase } = event.payload.job;
    const pct = total ? Math.floor((100 * done) / total) : 0;
    process.stderr.write(`\r${phase} ${pct}%   `);
  });
}

/**
 * The import starts the search index job when it ends; a CLI process that exited now would cancel it, so the
 * import command waits for it (Ctrl-C cancels it: `winnow traces --search` finishes it later).
 */
export async function waitForSearchIndex(core: Core): Promise<void> {
  const { jobId } = await core.invoke('traces.searchIndex', {});
  if (jobId === null) return;
  const onSigint = (): void => void core.invoke('jobs.cancel', { id: jobId });
  process.once('SIGINT', onSigint);
  await core.jobs.waitFor(jobId);
  process.off('SIGINT', onSigint);
}
