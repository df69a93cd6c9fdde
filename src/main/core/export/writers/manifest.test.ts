import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestText, writeManifest } from './manifest.ts';
import { listDir, tempDir } from './test-rows.ts';

const input = {
  dataset: 'support-triage',
  version: 3,
  kind: 'eval' as const,
  sha256: 'sha256:feed',
  rowsPerSplit: { test: 2, train: 8 },
  recipe: { seed: 7, b: [1], a: { z: 1, y: 2 } },
  winnowVersion: '0.1.0',
  format: 'hf-folder',
};

describe('manifest', () => {
  it('lists each file with its own SHA-256 and size, and the export with counts and recipe', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'data'));
    await writeFile(join(dir, 'data', 'train.parquet'), 'parquet bytes');
    await writeFile(join(dir, 'README.md'), 'card ✓');
    const text = await writeManifest(dir, input, ['data/train.parquet', 'README.md']);
    expect(await readFile(join(dir, 'manifest.json'), 'utf8')).toBe(text);
    expect(await listDir(dir)).toEqual(['README.md', 'data', 'manifest.json']);
    const sha = (s: string): string => `sha256:${createHash('sha256').update(s).digest('hex')}`;
    expect(JSON.parse(text)).toEqual({
      dataset: 'support-triage', version: 3, kind: 'eval', format: 'hf-folder', sha256: 'sha256:feed', rows: 10,
      rows_per_split: { test: 2, train: 8 }, recipe: { a: { y: 2, z: 1 }, b: [1], seed: 7 }, winnow_version: '0.1.0',
      files: [
        { path: 'README.md', sha256: sha('card ✓'), bytes: Buffer.byteLength('card ✓') },
        { path: 'data/train.parquet', sha256: sha('parquet bytes'), bytes: 13 },
      ],
    });
  });

  it('is the same text for the same input, and carries exported_at only when given', () => {
    const files = [{ path: 'b', sha256: 'sha256:2', bytes: 2 }, { path: 'a', sha256: 'sha256:1', bytes: 1 }];
    const text = manifestText(input, files);
    expect(manifestText({ ...input, recipe: { a: { y: 2, z: 1 }, b: [1], seed: 7 } }, [...files].reverse())).toBe(text);
    expect(text).not.toContain('exported_at');
    expect(JSON.parse(manifestText({ ...input, exportedAt: '2025-01-02T03:04:05.000Z' }, files)).exported_at).toBe('2025-01-02T03:04:05.000Z');
    expect(text.endsWith('}\n')).toBe(true);
  });
});
