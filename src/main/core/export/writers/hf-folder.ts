// Owns: the Hugging Face dataset folder export: one Parquet file per split under data/, and a README.md card.
// Imports: node:fs, node:path, writers helpers (atomic output, parquet sink, dataset card).

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFolderAtomically } from './atomic-output.ts';
import type { DatasetCardInfo } from './dataset-card.ts';
import { datasetCard } from './dataset-card.ts';
import { ParquetRowSink } from './parquet.ts';
import type { ExportSplit, FolderResult, RowSource, SplitCounts } from './types.ts';

const SPLIT_ORDER: readonly ExportSplit[] = ['train', 'validation', 'test'];

export function splitFile(split: ExportSplit): string {
  return `data/${split}-00000-of-00001.parquet`;
}

/**
 * Rows without a split go to `train`, the Hub's default. A split with no rows gets no file; an empty dataset
 * still gets an empty `train` file, since the Hub needs one.
 */
export async function writeHfFolder(rows: RowSource, dir: string, info: DatasetCardInfo): Promise<FolderResult> {
  return writeFolderAtomically(dir, async (temp) => {
    await mkdir(join(temp, 'data'));
    const sinks = new Map<ExportSplit, ParquetRowSink>();
    const sinkFor = async (split: ExportSplit): Promise<ParquetRowSink> => {
      let sink = sinks.get(split);
      if (!sink) {
        sink = await ParquetRowSink.open(join(temp, splitFile(split)));
        sinks.set(split, sink);
      }
      return sink;
    };
    const rowsPerSplit: SplitCounts = {};
    let count = 0;
    try {
      for await (const row of rows) {
        const split = row.split ?? 'train';
        await (await sinkFor(split)).add(row);
        rowsPerSplit[split] = (rowsPerSplit[split] ?? 0) + 1;
        count++;
      }
      if (sinks.size === 0) await sinkFor('train');
    } catch (error) {
      for (const sink of sinks.values()) await sink.abort();
      throw error;
    }
    for (const sink of sinks.values()) await sink.close();
    const present = SPLIT_ORDER.filter((s) => sinks.has(s));
    await writeFile(join(temp, 'README.md'), datasetCard(info, present.map((s) => [s, rowsPerSplit[s] ?? 0] as const)));
    const files = ['README.md', ...present.map(splitFile)].sort();
    return { dir, files, rows: count, rowsPerSplit };
  });
}
