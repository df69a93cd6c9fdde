import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { writeParquet } from './parquet.ts';
import { exportRows, listDir, reverseKeys, slowly, tempDir } from './test-rows.ts';

async function readBack(path: string): Promise<Record<string, unknown>[]> {
  return parquetReadObjects({ file: await asyncBufferFromFile(path) });
}

describe('writeParquet', () => {
  it('reads back with hyparquet: strings, JSON text, integers and nulls', async () => {
    const dir = await tempDir();
    const rows = exportRows();
    const result = await writeParquet(rows, join(dir, 'rows.parquet'));
    expect(result.rows).toBe(3);
    const back = await readBack(join(dir, 'rows.parquet'));
    expect(back).toHaveLength(3);
    back.forEach((b, i) => {
      const r = rows[i]!;
      expect(b['row_id']).toBe(String(r.rowId));
      expect(JSON.parse(b['messages'] as string)).toEqual(r.messages);
      expect(b['tools'] === null ? null : JSON.parse(b['tools'] as string)).toEqual(r.tools ?? null);
      expect(JSON.parse(b['response'] as string)).toEqual(r.response);
      expect(JSON.parse(b['metadata'] as string)).toEqual(r.metadata);
      expect(b['source_trace_id']).toBe(BigInt(r.sourceTraceId));
      expect(b['conversation_id']).toBe(r.conversationId);
      expect(b['turn_index']).toBe(r.turnIndex);
      expect(b['cluster_id']).toBe(r.clusterId === null ? null : BigInt(r.clusterId));
      expect(b['membership_score']).toBe(r.membershipScore);
      expect(JSON.parse(b['labels'] as string)).toEqual(r.labels);
      expect(b['expected_output'] === null ? null : JSON.parse(b['expected_output'] as string)).toEqual(r.expectedOutput);
      expect(b['note']).toBe(r.note);
      expect(b['split']).toBe(r.split);
    });
  });

  it('streams many rows in several row groups, in order, with the same bytes every time', async () => {
    const dir = await tempDir();
    const many = Array.from({ length: 25_000 }, (_, i) => ({ ...exportRows()[i % 3]!, rowId: i }));
    await writeParquet(many, join(dir, 'a.parquet'));
    await writeParquet(slowly(reverseKeys(many)), join(dir, 'b.parquet'));
    expect(await readFile(join(dir, 'b.parquet'))).toEqual(await readFile(join(dir, 'a.parquet')));
    const metadata = await parquetMetadataAsync(await asyncBufferFromFile(join(dir, 'a.parquet')));
    expect(metadata.row_groups.length).toBe(3);
    const back = await readBack(join(dir, 'a.parquet'));
    expect(back.map((b) => b['row_id'])).toEqual(many.map((r) => String(r.rowId)));
    expect(await listDir(dir)).toEqual(['a.parquet', 'b.parquet']);
  });

  it('writes a readable file with no rows', async () => {
    const dir = await tempDir();
    await writeParquet([], join(dir, 'empty.parquet'));
    expect(await readBack(join(dir, 'empty.parquet'))).toEqual([]);
  });

  it('removes the temporary file when the rows fail', async () => {
    const dir = await tempDir();
    await expect(writeParquet(slowly(exportRows(), 1), join(dir, 'x.parquet'))).rejects.toThrow('source failed');
    expect(await listDir(dir)).toEqual([]);
  });
});
