// Owns: rows and temp folders for the export writers' tests: multi-turn, tool calls, awkward text.
// Imports: node:fs, node:os, node:path, writers types, the shared test row builder.

import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeRow } from '../../../../../tests/support/dataset-rows.ts';
import type { ExportRow } from './types.ts';

export async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'winnow-export-'));
}

/** Names in a folder, to check that no temporary file was left behind. */
export async function listDir(dir: string): Promise<string[]> {
  return (await readdir(dir)).sort();
}

const weatherTool = {
  type: 'function',
  function: { name: 'get_weather', description: 'Weather for a city', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
};

export function exportRows(): ExportRow[] {
  return [
    {
      rowId: 1,
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'user', content: 'Weather in Paris, "today"?\nAnd tomorrow?' },
        { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
        { role: 'tool', tool_call_id: 'call_1', content: '{"temp": 21}', provider_latency_ms: 40 },
      ],
      tools: [weatherTool],
      response: { role: 'assistant', content: 'Sunny, 21 °C. Tomorrow: rain, 15 °C.' },
      metadata: { env: 'prod', variables: { city: 'Paris' }, labels: 'trace-side label' },
      sourceTraceId: 101,
      conversationId: 'conv-1',
      turnIndex: 1,
      clusterId: 3,
      membershipScore: 0.91,
      labels: ['weather', 'tools'],
      expectedOutput: { temp: 21 },
      note: 'checked, by hand',
      split: 'train',
    },
    {
      // Every other field at the dataset row's defaults (no conversation, cluster, labels or note).
      ...makeRow({
        rowId: 'r-2',
        messages: [{ role: 'user', content: [{ type: 'text', text: 'Describe this' }, { type: 'image_url', image_url: { url: 'https://example.com/a.png' } }] }],
        response: { role: 'assistant', content: null, tool_calls: [{ id: 'c2', type: 'function', function: { name: 'noop', arguments: '{}' } }] },
        sourceTraceId: 102,
      }),
      split: 'test',
    },
    {
      rowId: 3,
      messages: [{ role: 'user', content: '  leading space, =SUM(A1) and emoji 😀 and ünïcödé' }],
      response: { role: 'assistant', content: 'ok' },
      metadata: { nested: { b: 2, a: [1, { z: 0, y: 'x' }] } },
      sourceTraceId: 9_007_199_254_740_991,
      conversationId: 'conv-3',
      turnIndex: 0,
      clusterId: 0,
      membershipScore: 0,
      labels: ['a,b', 'quote"d'],
      expectedOutput: 'just a string',
      note: '',
      split: 'validation',
    },
  ];
}

/** The same rows with every object's keys inserted in reverse order: exports must not change. */
export function reverseKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reverseKeys) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value).reverse()) out[k] = reverseKeys((value as Record<string, unknown>)[k]);
  return out as T;
}

export async function* slowly(rows: ExportRow[], failAfter?: number): AsyncGenerator<ExportRow> {
  for (let i = 0; i < rows.length; i++) {
    if (i === failAfter) throw new Error('source failed');
    await Promise.resolve();
    yield rows[i] as ExportRow;
  }
}
