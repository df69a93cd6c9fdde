// Implausible numbers stay out of the facets with a notice, in every record format; plausible ones are untouched.
import { describe, expect, it } from 'vitest';
import { parseRecordValue } from './parse-record.ts';
import type { Facets } from './types.ts';

const chat = { messages: [{ role: 'user', content: 'q' }, { role: 'assistant', content: 'a' }] };

function parsed(record: Record<string, unknown>): { facets: Facets; notices: string[] } {
  const r = parseRecordValue(record, 'auto');
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return { facets: r.trace.facets, notices: r.trace.notices.filter((n) => n.code === 'implausible_value').map((n) => n.message) };
}

describe('implausible facet values', () => {
  it('drops a timestamp of 1e29 and says so', () => {
    const { facets, notices } = parsed({ ...chat, timestamp: 1e29 });
    expect(facets.timestamp).toBeNull();
    expect(notices).toEqual(["timestamp 1e+29 is not a plausible date; kept in the raw text, not used as the trace's time"]);
  });

  it('drops dates before 1990 or from 2100 on, showing them as dates', () => {
    expect(parsed({ ...chat, created: 5 }).notices).toEqual([
      "timestamp 1970-01-01T00:00:05.000Z is not a plausible date; kept in the raw text, not used as the trace's time",
    ]);
    expect(parsed({ ...chat, timestamp: '2150-06-01T00:00:00Z' }).facets.timestamp).toBeNull();
  });

  it('drops negative token counts, and the total summed from them without a second notice', () => {
    const { facets, notices } = parsed({ ...chat, usage: { prompt_tokens: -5, completion_tokens: 3 } });
    expect(facets).toMatchObject({ promptTokens: null, completionTokens: 3, totalTokens: null });
    expect(notices).toEqual(['prompt tokens -5 is not a plausible count (negative); kept in the raw text, not used']);
  });

  it('drops token counts past 2^53 and fractional ones', () => {
    const big = parsed({ ...chat, total_tokens: 2 ** 60 });
    expect(big.facets.totalTokens).toBeNull();
    expect(big.notices).toEqual([`total tokens ${String(2 ** 60)} is not a plausible count (past 2^53, where numbers are not held exactly); kept in the raw text, not used`]);
    // JSON text past 2^53 arrives rounded: 9007199254740993 reads as 2^53, which is already not safe.
    const fromText = parseRecordValue(JSON.parse(`{"messages":${JSON.stringify(chat.messages)},"completion_tokens":9007199254740993}`), 'auto');
    expect(fromText.ok && fromText.trace.facets.completionTokens).toBeNull();
    expect(parsed({ ...chat, prompt_tokens: 12.5 }).notices).toEqual(['prompt tokens 12.5 is not a plausible count (not a whole number); kept in the raw text, not used']);
  });

  it('drops negative latency and cost, and latencies over a year', () => {
    const { facets, notices } = parsed({ ...chat, latency_ms: -20, cost: -0.01 });
    expect(facets.latencyMs).toBeNull();
    expect(facets.cost).toBeNull();
    expect(notices).toEqual([
      'latency -20 ms is not a plausible duration (negative); kept in the raw text, not used',
      'cost -0.01 is not a plausible cost (negative); kept in the raw text, not used',
    ]);
    expect(parsed({ ...chat, duration_ms: 4e10 }).notices).toEqual(['latency 40000000000 ms is not a plausible duration (over a year); kept in the raw text, not used']);
  });

  it('checks every format: provider-body usage and created, langfuse cost and latency', () => {
    const body = parsed({
      request: { messages: [{ role: 'user', content: 'q' }] },
      response: { created: -1, choices: [{ message: { role: 'assistant', content: 'a' } }], usage: { prompt_tokens: 4, completion_tokens: -1 } },
    });
    expect(body.facets).toMatchObject({ timestamp: null, promptTokens: 4, completionTokens: null, totalTokens: null });
    expect(body.notices).toHaveLength(2);
    const langfuse = parsed({ traceId: 't', input: 'q', output: 'a', calculatedTotalCost: -3, latency: -2 });
    expect(langfuse.facets).toMatchObject({ cost: null, latencyMs: null });
    expect(langfuse.notices).toHaveLength(2);
    const csvLike = parsed({ prompt: 'q', response: 'a', metadata: { prompt_tokens: '9007199254740993', timestamp: '1e29' } });
    expect(csvLike.facets).toMatchObject({ promptTokens: null, timestamp: null });
  });

  it('keeps plausible values and adds no notice', () => {
    const { facets, notices } = parsed({ ...chat, created: 1700000000, usage: { prompt_tokens: 0, completion_tokens: 7 }, latency_ms: 0, cost: 0 });
    expect(facets).toMatchObject({ timestamp: 1700000000000, promptTokens: 0, completionTokens: 7, totalTokens: 7, latencyMs: 0, cost: 0 });
    expect(notices).toEqual([]);
  });
});
