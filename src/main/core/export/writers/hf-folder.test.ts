import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { writeHfFolder } from './hf-folder.ts';
import { PARQUET_COLUMNS } from './parquet.ts';
import { exportRows, listDir, slowly, tempDir } from './test-rows.ts';
import type { ExportRow } from './types.ts';

const info = { name: 'support-triage', version: 3, kind: 'training' as const, description: 'Tickets sorted by team.', sha256: 'sha256:abc', recipe: { seed: 7, filters: ['no-pii'] } };

function manyRows(): ExportRow[] {
  const splits = ['train', 'train', 'train', 'validation', 'test', undefined] as const;
  return Array.from({ length: 60 }, (_, i) => ({ ...exportRows()[i % 3]!, rowId: i, split: splits[i % splits.length] }));
}

interface Card {
  pretty_name: string;
  license?: string;
  configs: { config_name: string; data_files: { split: string; path: string }[] }[];
  dataset_info: { features: { name: string; dtype: string }[]; splits: { name: string; num_examples: number }[] };
}

function frontMatter(readme: string): Card {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(readme);
  if (!match) throw new Error('no front matter');
  return parse(match[1]!) as Card;
}

describe('writeHfFolder', () => {
  it('writes one Parquet file per split and a card whose YAML matches them', async () => {
    const root = await tempDir();
    const dir = join(root, 'hf');
    const rows = manyRows();
    const result = await writeHfFolder(rows, dir, info);
    expect(result.files).toEqual(['README.md', 'data/test-00000-of-00001.parquet', 'data/train-00000-of-00001.parquet', 'data/validation-00000-of-00001.parquet']);
    expect(await listDir(root)).toEqual(['hf']);
    expect(await listDir(join(dir, 'data'))).toEqual(['test-00000-of-00001.parquet', 'train-00000-of-00001.parquet', 'validation-00000-of-00001.parquet']);
    // Rows without a split join train.
    const expected = { train: rows.filter((r) => r.split === 'train' || r.split === undefined).length, validation: 10, test: 10 };
    expect(result.rowsPerSplit).toEqual(expected);
    for (const split of ['train', 'validation', 'test'] as const) {
      const back = await parquetReadObjects({ file: await asyncBufferFromFile(join(dir, `data/${split}-00000-of-00001.parquet`)) });
      const ids = rows.filter((r) => (r.split ?? 'train') === split).map((r) => String(r.rowId));
      expect(back.map((b) => b['row_id'])).toEqual(ids);
    }

    const readme = await readFile(join(dir, 'README.md'), 'utf8');
    const card = frontMatter(readme);
    expect(card.pretty_name).toBe('support-triage');
    expect(card.license).toBeUndefined();
    expect(card.configs).toEqual([{ config_name: 'default', data_files: [
      { split: 'train', path: 'data/train-*' }, { split: 'validation', path: 'data/validation-*' }, { split: 'test', path: 'data/test-*' },
    ] }]);
    expect(card.dataset_info.splits).toEqual([{ name: 'train', num_examples: expected.train }, { name: 'validation', num_examples: 10 }, { name: 'test', num_examples: 10 }]);
    expect(card.dataset_info.features.map((f) => f.name)).toEqual(PARQUET_COLUMNS.map((c) => c.name));
    expect(card.dataset_info.features.find((f) => f.name === 'source_trace_id')?.dtype).toBe('int64');
    expect(readme).toContain('# support-triage');
    expect(readme).toContain('| validation | 10 |');
    expect(readme).toContain('`sha256:abc`');
    expect(readme).toContain('"filters": [\n    "no-pii"\n  ]');
  });

  it('writes the same bytes for the same rows', async () => {
    const root = await tempDir();
    const a = await writeHfFolder(manyRows(), join(root, 'a'), info);
    await writeHfFolder(slowly(manyRows()), join(root, 'b'), info);
    for (const file of a.files) expect(await readFile(join(root, 'b', file)), file).toEqual(await readFile(join(root, 'a', file)));
  });

  it('gives an empty dataset an empty train split and a licence only when asked', async () => {
    const root = await tempDir();
    const result = await writeHfFolder([], join(root, 'e'), { ...info, license: 'other' });
    expect(result.files).toEqual(['README.md', 'data/train-00000-of-00001.parquet']);
    const card = frontMatter(await readFile(join(root, 'e', 'README.md'), 'utf8'));
    expect(card.license).toBe('other');
    expect(card.dataset_info.splits).toEqual([{ name: 'train', num_examples: 0 }]);
  });

  it('refuses a folder that has files and leaves nothing behind when rows fail', async () => {
    const root = await tempDir();
    await mkdir(join(root, 'full'));
    await writeFile(join(root, 'full', 'x.txt'), 'keep');
    await expect(writeHfFolder(exportRows(), join(root, 'full'), info)).rejects.toThrow(/not empty/);
    await expect(writeHfFolder(slowly(exportRows(), 2), join(root, 'broken'), info)).rejects.toThrow('source failed');
    expect(await listDir(root)).toEqual(['full']);
    // An empty folder is fine: the export takes its place.
    await mkdir(join(root, 'empty'));
    await writeHfFolder(exportRows(), join(root, 'empty'), info);
    expect(await listDir(join(root, 'empty'))).toEqual(['README.md', 'data']);
  });
});
