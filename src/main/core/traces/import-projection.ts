// Runs inside the parse worker: turns a parsed batch into flat, ready-to-insert records (hash, facets,
// previews, row offsets), so the main thread only binds statements. Imports: parse, previews.
import { DEEP_MARKER, MAX_NESTING, contentHash, cutNesting, rowSpans } from './parse/index.ts';
import type { Diagnostic, MultiTurnMode, NormalizedTrace, ReadCheckpoint, RecordBatch } from './parse/types.ts';
import { promptPreview, responsePreview } from './previews.ts';

export interface ProjectionOptions {
  multiTurn: MultiTurnMode;
  /** CSV and Parquet records cannot be re-parsed from their raw text alone, so their parsed form is stored. */
  storeNormalized: boolean;
}

export interface ProjectedTrace {
  line: number;
  /** First 64 bits of the SHA-256 of raw, the unique key that spots duplicates. */
  hashKey: bigint;
  raw: string;
  format: string;
  sourceId: string | null;
  conversationId: string;
  normalized: string | null;
  facets: [
    environment: string | null,
    task: string | null,
    provider: string | null,
    model: string | null,
    status: string | null,
    timestamp: number | null,
    latencyMs: number | null,
    promptTokens: number | null,
    completionTokens: number | null,
    totalTokens: number | null,
    cost: number | null,
    finishReason: string | null,
  ];
  /** Kept whole so the job can list each line's notices with the file. */
  notices: Diagnostic[];
  promptPreview: string;
  responsePreview: string;
  /** Flat triples per row: turn index, prompt end (exclusive), response message index or -1. */
  rows: number[];
}

export interface ProjectedBatch {
  traces: ProjectedTrace[];
  rejected: { line: number; code: string; message: string; raw: string }[];
  blankLines: number;
  checkpoint: ReadCheckpoint;
  bytesRead: number;
}

export function projectBatch(batch: RecordBatch, options: unknown): ProjectedBatch {
  const opts = options as ProjectionOptions;
  const out: ProjectedBatch = { traces: [], rejected: [], blankLines: batch.blankLines, checkpoint: batch.checkpoint, bytesRead: batch.bytesRead };
  for (const record of batch.records) {
    if (!record.result.ok) {
      out.rejected.push({ line: record.line, code: record.result.error.code, message: record.result.error.message, raw: record.raw });
      continue;
    }
    out.traces.push(projectTrace(record.line, record.raw, record.result.trace, opts));
  }
  return out;
}

function projectTrace(line: number, raw: string, parsed: NormalizedTrace, opts: ProjectionOptions): ProjectedTrace {
  const trace = withinNesting(parsed);
  const hash = contentHash(raw);
  const spans = rowSpans(trace, opts.multiTurn);
  const rows: number[] = [];
  for (const span of spans) rows.push(span.turnIndex, span.promptEnd, span.responseIndex);
  const f = trace.facets;
  const first = spans[0]!;
  const last = spans[spans.length - 1]!;
  return {
    line,
    hashKey: BigInt.asIntN(64, BigInt(`0x${hash.slice(0, 16)}`)),
    raw,
    format: trace.format,
    sourceId: trace.sourceId,
    conversationId: trace.conversationId ?? trace.sourceId ?? `trace:${hash.slice(0, 16)}`,
    normalized: opts.storeNormalized ? JSON.stringify(trace) : null,
    facets: [f.environment, f.task, f.provider, f.model, f.status, f.timestamp, f.latencyMs, f.promptTokens, f.completionTokens, f.totalTokens, f.cost, f.finishReason],
    notices: trace.notices,
    promptPreview: promptPreview(trace.messages, first.promptEnd),
    responsePreview: responsePreview(trace.messages[last.responseIndex]),
    rows,
  };
}

/**
 * JSON.stringify (the stored form, tool-call previews) recurses, so a trace nested thousands of levels deep would
 * overflow the stack and fail the whole file; such a trace is stored and previewed cut at MAX_NESTING (its raw
 * text, the original record, stays whole).
 */
function withinNesting(trace: NormalizedTrace): NormalizedTrace {
  // The parser measured every part already and said so with a notice; walking each trace again costs an import ~3%.
  if (!trace.notices.some((n) => n.code === 'deep_nesting')) return trace;
  // The trace object is one level above its parts, which were measured from themselves.
  return cutNesting(trace, DEEP_MARKER, MAX_NESTING + 1) as NormalizedTrace;
}
