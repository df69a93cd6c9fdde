// `winnow curate`, `winnow pii` and `winnow review`: the curation pipeline on a dataset's draft over the same core
// commands as the window; `--json` prints the documents the README describes. Imports: core, contract, CLI helpers.
import { CurateFilterName, CurateStage, type CurateFilterSettings, type CurateRowView } from '../../../shared/contract/index.ts';
import type { Core } from '../../core/create-core.ts';
import { UsageError, printJson, printLines, printable } from '../output.ts';

export interface CurateOptions {
  filters: string | undefined;
  judge: string | undefined;
  threshold: string | undefined;
  budget: string | undefined;
  reviewBelow: string | undefined;
  json: boolean;
}

function one(rest: string[], usage: string): string {
  if (rest.length !== 1 || !rest[0]) throw new UsageError(`usage: winnow ${usage}`);
  return rest[0];
}

function unit(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new UsageError(`${flag} must be a number from 0 to 1, not "${value}"`);
  return n;
}

/** `--review-below 0.4` sends rows under that cluster membership to review; `none` sends none; default 0.5. */
function reviewSettings(value: string | undefined): { membershipBelow: number | null } | undefined {
  if (value === undefined) return undefined;
  return { membershipBelow: value === 'none' ? null : unit('--review-below', value) };
}

/** `--filters empty,refusal` runs exactly those filters; without it the defaults run. */
function filterSettings(list: string | undefined): CurateFilterSettings {
  if (list === undefined) return {};
  const names = list.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !CurateFilterName.safeParse(n).success);
  if (unknown.length > 0) throw new UsageError(`unknown filter ${unknown.join(', ')}: the filters are ${CurateFilterName.options.join(', ')}`);
  return Object.fromEntries(CurateFilterName.options.map((n) => [n, { enabled: names.includes(n) }])) as CurateFilterSettings;
}

export async function curateCommand(core: Core, args: string[], opts: CurateOptions): Promise<number> {
  const dataset = one(args, 'curate NAME [--filters LIST] [--judge MODEL --threshold X] [--budget USD]');
  if ((opts.threshold !== undefined || opts.budget !== undefined) && opts.judge === undefined) throw new UsageError('--threshold and --budget go with --judge MODEL');
  const budget = opts.budget === undefined ? undefined : Number(opts.budget);
  if (budget !== undefined && (!Number.isFinite(budget) || budget < 0)) throw new UsageError(`--budget must be an amount in US dollars, not "${opts.budget}"`);
  const judge =
    opts.judge === undefined
      ? null
      : { model: opts.judge, threshold: opts.threshold === undefined ? 0.5 : unit('--threshold', opts.threshold), margin: 0.1, ...(budget !== undefined ? { budgetUsd: budget } : {}) };
  if (judge) {
    // Before anything is spent: what judging every draft row would cost (the filters' drops are not judged, so less).
    const e = await core.invoke('judge.estimate', { dataset, model: { model: judge.model } });
    process.stderr.write(
      `winnow: judge estimate for ${e.rows} rows with ${e.model}: at most ${e.calls} calls, ${e.inputTokens} input and ${e.outputTokens} output tokens, ` +
        `${e.usd === null ? 'cost unknown (the model has no price)' : `$${e.usd.toFixed(4)}`}${e.alreadyJudged ? ` (${e.alreadyJudged} already judged: free)` : ''}\n`,
    );
  }
  const review = reviewSettings(opts.reviewBelow);
  const { jobId } = await core.invoke('curate.run', { dataset, filters: filterSettings(opts.filters), judge, ...(review ? { review } : {}) });
  const onSigint = (): void => void core.invoke('jobs.cancel', { id: jobId });
  process.once('SIGINT', onSigint);
  const job = await core.jobs.waitFor(jobId);
  process.off('SIGINT', onSigint);
  if (job.status !== 'succeeded') {
    process.stderr.write(`winnow: curation ${job.status}${job.error ? `: ${job.error}` : ''}\n`);
    return 1;
  }
  for (const note of (job.result as { notes?: string[] } | null)?.notes ?? []) process.stderr.write(`winnow: note: ${note}\n`);
  const s = await core.invoke('curate.summary', { dataset });
  const doc = { rows: s.rows, kept: s.kept, dropped: s.dropped, judged: s.judged, flagged: s.flagged, borderline: s.borderline, cost: { usd: s.cost.usd, tokens: s.cost.tokens } };
  if (opts.json) printJson(doc);
  else {
    const dropped = Object.entries(s.dropped).filter(([, n]) => n > 0).map(([f, n]) => `${f} ${n}`);
    printLines([
      `${s.dataset}: ${s.kept} of ${s.rows} rows kept${dropped.length ? `; dropped: ${dropped.join(', ')}` : ''}`,
      ...(s.judge ? [`judged ${s.judged} with ${s.judge.model}: ${s.flagged} below ${s.judge.threshold}, ${s.borderline} borderline; $${s.cost.usd.toFixed(4)}, ${s.cost.tokens} tokens`] : []),
      ...(s.borderline > 0 ? [`review the borderline rows: winnow review ${s.dataset} --list borderline`] : []),
    ]);
  }
  return 0;
}

export async function piiCommand(core: Core, args: string[], opts: { redact: boolean; json: boolean }): Promise<number> {
  const dataset = one(args, 'pii NAME [--redact]');
  const counts = opts.redact ? await core.invoke('pii.redact', { dataset }) : await core.invoke('pii.scan', { dataset });
  if (opts.json) printJson(counts);
  else {
    const types = Object.entries(counts.byType).map(([t, n]) => `${t} ${n}`).join(', ');
    printLines([`${dataset}: ${counts.spans} PII spans in ${counts.rowsWithPii} of ${counts.rows} rows${types ? ` (${types})` : ''}${opts.redact ? ', redacted with placeholders' : ''}`]);
  }
  return 0;
}

export interface ReviewOptions {
  list: string | undefined;
  accept: string | undefined;
  reject: string | undefined;
  note: string | undefined;
  limit: number;
  json: boolean;
}

function listItem(r: CurateRowView): Record<string, unknown> {
  return {
    row: r.rowKey,
    kept: r.kept,
    decidedBy: r.decidedBy,
    judge: r.judge ? { overall: r.judge.overall, rationale: r.judge.rationale } : null,
    borderline: r.borderlineReasons,
    review: r.review,
    prompt: r.row.prompt,
    response: r.row.responseText,
  };
}

export async function reviewCommand(core: Core, args: string[], opts: ReviewOptions): Promise<number> {
  const dataset = one(args, 'review NAME --list STAGE | --accept ROW | --reject ROW [--note TEXT]');
  const actions = [opts.list, opts.accept, opts.reject].filter((a) => a !== undefined).length;
  if (actions !== 1) throw new UsageError('review takes one of --list STAGE, --accept ROW or --reject ROW');
  if (opts.list !== undefined) {
    const stage = CurateStage.safeParse(opts.list);
    if (!stage.success) throw new UsageError(`--list takes a stage: borderline, flagged, kept, dropped, dropped:FILTER, reviewed, unreviewed, pii or all`);
    const page = await core.invoke('review.queue', { dataset, stage: stage.data, pendingOnly: false, limit: Math.min(opts.limit, 1000) });
    if (opts.json) printJson({ total: page.total, pending: page.pending, reviewed: page.reviewed, items: page.items.map(listItem) });
    else
      printLines([
        `${dataset} ${stage.data}: ${page.total} rows, ${page.pending} to review`,
        ...page.items.map(
          (r) => `  ${r.rowKey}  ${r.review?.decision ?? 'pending'}${r.judge?.overall != null ? `  judge ${r.judge.overall.toFixed(2)}` : ''}  ${printable(r.row.prompt).slice(0, 80)}`,
        ),
      ]);
    return 0;
  }
  const raw = (opts.accept ?? opts.reject)!;
  const rowKey = Number(raw);
  if (!Number.isInteger(rowKey) || rowKey < 1) throw new UsageError(`ROW must be a row number, not "${raw}"`);
  const decision = opts.accept !== undefined ? 'accept' : 'reject';
  const { row, undoToken } = await core.invoke('review.decide', { dataset, rowKey, decision, ...(opts.note !== undefined ? { note: opts.note } : {}) });
  if (opts.json) printJson({ row: row.rowKey, decision, kept: row.kept, note: row.review?.note ?? null, undoToken });
  else printLines([`${dataset} row ${row.rowKey}: ${decision}ed, ${row.kept ? 'kept' : 'dropped'}`]);
  return 0;
}
