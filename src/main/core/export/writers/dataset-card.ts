// Owns: the README.md dataset card of a Hugging Face folder: YAML front matter the Hub reads, then prose.
// Imports: yaml, writers parquet (columns and dtypes), sorted JSON.

import { stringify } from 'yaml';
import { HF_DTYPES, PARQUET_COLUMNS } from './parquet.ts';
import { sortedJson } from './sorted-json.ts';
import type { ExportSplit } from './types.ts';

export interface DatasetCardInfo {
  name: string;
  version: string | number;
  kind: 'eval' | 'training';
  description?: string;
  /** The version's content hash, `sha256:<hex>`. */
  sha256?: string;
  /** How the version was made (sources, filters, judge, split seed): shown as JSON. */
  recipe?: unknown;
  /** An SPDX id or `other`; omitted from the card when not given, as the data's licence is the user's call. */
  license?: string;
}

const COLUMN_NOTES: Record<string, string> = {
  row_id: 'the row id in Winnow',
  messages: 'the prompt as OpenAI chat messages (JSON text)',
  tools: 'the tools offered to the model, OpenAI format (JSON text), or null',
  response: 'the assistant message that answers the prompt (JSON text)',
  metadata: 'the trace metadata (JSON text)',
  source_trace_id: 'the imported trace the row came from',
  conversation_id: 'rows of one conversation share it, or null',
  turn_index: 'which assistant turn of the conversation this row is',
  cluster_id: 'the cluster the row was promoted from, or null',
  membership_score: 'how firmly the row belongs to its cluster (low = borderline), or null',
  labels: 'labels given in Winnow (JSON array)',
  expected_output: 'the reference answer for evaluation (JSON text), or null',
  note: 'a reviewer note, or null',
  split: 'train, validation or test',
};

/** `data_files` globs follow the Hub's `<split>-NNNNN-of-NNNNN.parquet` naming. */
export function datasetCard(info: DatasetCardInfo, counts: readonly (readonly [ExportSplit, number])[]): string {
  const front = {
    ...(info.license ? { license: info.license } : {}),
    pretty_name: info.name,
    configs: [{ config_name: 'default', data_files: counts.map(([split]) => ({ split, path: `data/${split}-*` })) }],
    dataset_info: {
      features: PARQUET_COLUMNS.map((c) => ({ name: c.name, dtype: HF_DTYPES[c.kind] })),
      splits: counts.map(([name, rows]) => ({ name, num_examples: rows })),
    },
  };
  const total = counts.reduce((sum, [, n]) => sum + n, 0);
  const lines = [
    '---',
    stringify(front).trimEnd(),
    '---',
    '',
    `# ${info.name}`,
    '',
    ...(info.description ? [info.description, ''] : []),
    `Version ${String(info.version)} of the ${info.kind} dataset "${info.name}", exported by Winnow: ${total} ${total === 1 ? 'row' : 'rows'}.`,
    '',
    '| split | rows |',
    '| --- | ---: |',
    ...counts.map(([split, n]) => `| ${split} | ${n} |`),
    '',
    ...(info.sha256 ? [`Content hash of the version (SHA-256 over its canonical rows): \`${info.sha256}\``, ''] : []),
    '## Columns',
    '',
    ...PARQUET_COLUMNS.map((c) => `- \`${c.name}\` (${HF_DTYPES[c.kind]}): ${COLUMN_NOTES[c.name] ?? ''}`),
    '',
    ...(info.recipe !== undefined ? ['## Recipe', '', '```json', JSON.stringify(JSON.parse(sortedJson(info.recipe)), null, 2), '```', ''] : []),
  ];
  return lines.join('\n');
}
