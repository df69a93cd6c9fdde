// Owns: keeping implausible numbers out of the facets (dates outside any log's life, negative or inexact token
// counts, negative or endless latencies, negative or inexact costs), with one notice per value. Imports: ingest types.

import type { Diagnostic, Facets } from './types.ts';

/** Traces come from LLM calls: nothing logged before 1990 or after 2100 is a real time, only a unit or typing error. */
const EARLIEST = Date.UTC(1990, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);
const YEAR_MS = 365 * 24 * 3600 * 1000;
/** Dates the JavaScript Date can show (±100,000,000 days from 1970). */
const DATE_LIMIT = 8.64e15;
const KEPT = 'kept in the raw text';

/**
 * Sets implausible facets to null and says why, so a filter or a sum never treats them as facts; the raw text
 * always keeps the value as it was logged.
 */
export function dropImplausibleFacets(facets: Facets): Diagnostic[] {
  const notices: Diagnostic[] = [];
  const flag = (message: string): void => void notices.push({ code: 'implausible_value', message });

  const t = facets.timestamp;
  if (t !== null && !(t >= EARLIEST && t < LATEST)) {
    flag(`timestamp ${Math.abs(t) <= DATE_LIMIT ? new Date(t).toISOString() : String(t)} is not a plausible date; ${KEPT}, not used as the trace's time`);
    facets.timestamp = null;
  }

  const { promptTokens: prompt, completionTokens: completion, totalTokens: total } = facets;
  let partDropped = false;
  for (const [key, label] of [
    ['promptTokens', 'prompt tokens'],
    ['completionTokens', 'completion tokens'],
  ] as const) {
    const n = facets[key];
    const why = n === null ? null : countProblem(n);
    if (why === null) continue;
    facets[key] = null;
    partDropped = true;
    flag(`${label} ${String(n)} is not a plausible count (${why}); ${KEPT}, not used`);
  }
  if (total !== null) {
    const why = countProblem(total);
    // A total that is the sum of a dropped part (often summed by the parser itself) is dropped with it, without a second notice.
    if (partDropped && prompt !== null && completion !== null && total === prompt + completion) facets.totalTokens = null;
    else if (why !== null) {
      facets.totalTokens = null;
      flag(`total tokens ${String(total)} is not a plausible count (${why}); ${KEPT}, not used`);
    }
  }

  const latency = facets.latencyMs;
  if (latency !== null && (latency < 0 || latency > YEAR_MS)) {
    flag(`latency ${String(latency)} ms is not a plausible duration (${latency < 0 ? 'negative' : 'over a year'}); ${KEPT}, not used`);
    facets.latencyMs = null;
  }

  const cost = facets.cost;
  if (cost !== null && (cost < 0 || cost > Number.MAX_SAFE_INTEGER)) {
    flag(`cost ${String(cost)} is not a plausible cost (${cost < 0 ? 'negative' : 'past 2^53'}); ${KEPT}, not used`);
    facets.cost = null;
  }
  return notices;
}

function countProblem(n: number): string | null {
  if (n < 0) return 'negative';
  if (!Number.isInteger(n)) return 'not a whole number';
  // Past 2^53 a JSON number is no longer held exactly, so the count read is not the count logged.
  if (!Number.isSafeInteger(n)) return 'past 2^53, where numbers are not held exactly';
  return null;
}
