// Owns: reading the facets users filter on from a record's top level and its metadata.
// Imports: ingest types, values, provider-from-model.

import type { Facets } from './types.ts';
import type { JsonObject } from './values.ts';
import { isObject, nonEmptyString, toNumber } from './values.ts';
import { providerFromModel } from './provider-from-model.ts';
import type { FieldHits } from './field-scan.ts';
import {
  F_COMPLETION_TOKENS,
  F_COST,
  F_END,
  F_ENVIRONMENT,
  F_FINISH,
  F_LATENCY,
  F_LATENCY_MS,
  F_MODEL,
  F_PROMPT_TOKENS,
  F_PROVIDER,
  F_START,
  F_TASK,
  F_TIMESTAMP,
  F_TOTAL_TOKENS,
  F_USAGE,
  scanFields,
} from './field-scan.ts';

export function emptyFacets(): Facets {
  return {
    environment: null,
    task: null,
    provider: null,
    model: null,
    status: null,
    timestamp: null,
    latencyMs: null,
    promptTokens: null,
    completionTokens: null,
    totalTokens: null,
    cost: null,
    finishReason: null,
  };
}

/** First present (non-null) value among keys, looking at the record before its metadata. */
export function pick(top: JsonObject, meta: JsonObject | null, keys: readonly string[]): unknown {
  for (const key of keys) {
    const v = top[key];
    if (v !== undefined && v !== null) return v;
  }
  if (meta) {
    for (const key of keys) {
      const v = meta[key];
      if (v !== undefined && v !== null) return v;
    }
  }
  return undefined;
}

/**
 * Facets of a record that keeps them at its top level or in `metadata`.
 * A bare `latency` is read as milliseconds here (Langfuse's seconds are handled by its own parser).
 */
export function genericFacets(hits: FieldHits): Facets {
  const v = hits.values;
  const model = nonEmptyString(v[F_MODEL]);
  const usage = v[F_USAGE];
  const tokens = isObject(usage)
    ? usageTokens(usage)
    : { prompt: toNumber(v[F_PROMPT_TOKENS]), completion: toNumber(v[F_COMPLETION_TOKENS]), total: toNumber(v[F_TOTAL_TOKENS]) };
  const latency = toNumber(v[F_LATENCY_MS]) ?? toNumber(v[F_LATENCY]) ?? spanMs(v[F_START], v[F_END]);
  return {
    environment: nonEmptyString(v[F_ENVIRONMENT]),
    task: nonEmptyString(v[F_TASK]),
    provider: nonEmptyString(v[F_PROVIDER]) ?? providerFromModel(model),
    model,
    status: hits.failed ? 'error' : 'success',
    timestamp: toEpochMs(v[F_TIMESTAMP] ?? v[F_START]),
    latencyMs: latency,
    promptTokens: tokens.prompt,
    completionTokens: tokens.completion,
    totalTokens: tokens.total ?? sumOrNull(tokens.prompt, tokens.completion),
    cost: toNumber(v[F_COST]),
    finishReason: nonEmptyString(v[F_FINISH]),
  };
}

/** 'error' when any conventional marker in the object says the call failed, else 'success'. */
export function statusOf(top: JsonObject, meta: JsonObject | null): 'success' | 'error' {
  return scanFields(top, meta).failed ? 'error' : 'success';
}

/** Epoch ms from ISO text, epoch seconds or epoch milliseconds. */
export function toEpochMs(value: unknown): number | null {
  if (value === undefined || value === null || value === '') return null;
  const n = toNumber(value);
  if (n !== null) return n < 1e11 ? Math.round(n * 1000) : Math.round(n);
  if (typeof value === 'string') {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? null : ms;
  }
  return null;
}

export function spanMs(start: unknown, end: unknown): number | null {
  const s = toEpochMs(start);
  const e = toEpochMs(end);
  return s !== null && e !== null && e >= s ? e - s : null;
}

export interface TokenCounts {
  prompt: number | null;
  completion: number | null;
  total: number | null;
}

/** Token counts from any of the usage shapes providers and tracers use. */
export function usageTokens(u: JsonObject): TokenCounts {
  const prompt = firstNumber(u, ['prompt_tokens', 'input_tokens', 'promptTokens', 'inputTokens', 'input', 'prompt_token_count', 'promptTokenCount']);
  const completion = firstNumber(u, [
    'completion_tokens',
    'output_tokens',
    'completionTokens',
    'outputTokens',
    'output',
    'candidates_token_count',
    'candidatesTokenCount',
  ]);
  const total = firstNumber(u, ['total_tokens', 'totalTokens', 'total', 'total_token_count', 'totalTokenCount']);
  return { prompt, completion, total: total ?? sumOrNull(prompt, completion) };
}

function firstNumber(o: JsonObject, keys: readonly string[]): number | null {
  for (const key of keys) {
    const n = toNumber(o[key]);
    if (n !== null) return n;
  }
  return null;
}

function sumOrNull(a: number | null, b: number | null): number | null {
  return a !== null && b !== null ? a + b : null;
}
