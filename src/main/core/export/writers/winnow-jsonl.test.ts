import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sortedJson } from './sorted-json.ts';
import { winnowLine, winnowLineFromCanonical, writeWinnowJsonl, writeWinnowJsonlCanonical } from './winnow-jsonl.ts';
import { exportRows, reverseKeys, tempDir } from './test-rows.ts';

describe('writeWinnowJsonl', () => {
  it('round-trips every row: prompt, tools, response, split and provenance', async () => {
    const dir = await tempDir();
    const rows = exportRows();
    await writeWinnowJsonl(rows, join(dir, 'rows.jsonl'));
    const text = await readFile(join(dir, 'rows.jsonl'), 'utf8');
    const parsed = text.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(parsed).toHaveLength(rows.length);
    parsed.forEach((p, i) => {
      const r = rows[i]!;
      const expected: Record<string, unknown> = {
        row_id: r.rowId,
        split: r.split,
        prompt: r.messages,
        response: r.response,
        metadata: {
          source_trace_id: r.sourceTraceId, conversation_id: r.conversationId, turn_index: r.turnIndex, cluster_id: r.clusterId,
          membership_score: r.membershipScore, labels: r.labels, expected_output: r.expectedOutput, note: r.note, trace_metadata: r.metadata,
        },
      };
      if (r.tools) expected['tools'] = r.tools;
      expect(p).toEqual(expected);
    });
    // row_id leads each line; a trace metadata key named "labels" did not overwrite the row's labels.
    expect(text.startsWith('{"row_id":1,"split":"train","prompt":')).toBe(true);
    expect((parsed[0]!['metadata'] as { labels: unknown }).labels).toEqual(['weather', 'tools']);
  });

  it('writes the same bytes for the same rows', async () => {
    const dir = await tempDir();
    await writeWinnowJsonl(exportRows(), join(dir, 'a.jsonl'));
    await writeWinnowJsonl(reverseKeys(exportRows()), join(dir, 'b.jsonl'));
    expect(await readFile(join(dir, 'b.jsonl'))).toEqual(await readFile(join(dir, 'a.jsonl')));
  });

  it('writes the same lines from stored canonical JSON as from parsed rows, without parsing them', async () => {
    const rows = exportRows();
    // As the datasets store keeps a row: canonical JSON of the content, the split in a column of its own.
    const stored = rows.map(({ split, ...content }) => ({ content: sortedJson(content), split: split ?? null }));
    for (const [i, row] of rows.entries()) expect(winnowLineFromCanonical(stored[i]!.content, stored[i]!.split)).toBe(winnowLine(row));
    // Members that are missing (no tools, no expected output) or empty (tools: []) come out as from the object.
    const { tools: _tools, expectedOutput: _expected, split: _split, ...bare } = rows[0]!;
    expect(winnowLineFromCanonical(sortedJson(bare), null)).toBe(winnowLine(bare as typeof rows[0] & object));
    expect(winnowLineFromCanonical(sortedJson({ ...bare, tools: [] }), 'test')).toBe(winnowLine({ ...bare, tools: [], split: 'test' } as typeof rows[0] & object));
    // Text that is not compact canonical JSON takes the parsing path, with the same result.
    expect(winnowLineFromCanonical(JSON.stringify(JSON.parse(stored[0]!.content), null, 1), stored[0]!.split)).toBe(winnowLine(rows[0]!));

    const dir = await tempDir();
    const viaRows = await writeWinnowJsonl(rows, join(dir, 'rows.jsonl'));
    const viaStored = await writeWinnowJsonlCanonical(stored, join(dir, 'stored.jsonl'));
    expect(await readFile(join(dir, 'stored.jsonl'))).toEqual(await readFile(join(dir, 'rows.jsonl')));
    expect(viaStored).toEqual({ ...viaRows, path: join(dir, 'stored.jsonl') });
  });
});
