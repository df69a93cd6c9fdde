import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOpenAiJsonl } from './openai-jsonl.ts';
import { exportRows, listDir, reverseKeys, slowly, tempDir } from './test-rows.ts';

describe('writeOpenAiJsonl', () => {
  it('writes prompt messages then the response, with tools only when present, and round-trips', async () => {
    const dir = await tempDir();
    const rows = exportRows();
    const result = await writeOpenAiJsonl(rows, join(dir, 'train.jsonl'));
    expect(result).toMatchObject({ rows: 3, rowsPerSplit: { train: 1, test: 1, validation: 1 } });
    const lines = (await readFile(join(dir, 'train.jsonl'), 'utf8')).split('\n');
    expect(lines.at(-1)).toBe('');
    const parsed = lines.slice(0, -1).map((l) => JSON.parse(l) as { messages: unknown[]; tools?: unknown[] });
    expect(parsed[0]).toEqual({
      messages: [
        rows[0]!.messages[0],
        rows[0]!.messages[1],
        rows[0]!.messages[2],
        // provider_latency_ms is not an OpenAI message field, so it is left out
        { role: 'tool', tool_call_id: 'call_1', content: '{"temp": 21}' },
        { role: 'assistant', content: 'Sunny, 21 °C. Tomorrow: rain, 15 °C.' },
      ],
      tools: rows[0]!.tools,
    });
    expect(parsed[1]).toEqual({ messages: [...rows[1]!.messages, rows[1]!.response] });
    expect(Object.keys(parsed[1]!)).toEqual(['messages']);
    expect(lines[0]!.startsWith('{"messages":[{"content":"You are terse.","role":"system"}')).toBe(true);
    expect(await listDir(dir)).toEqual(['train.jsonl']);
  });

  it('writes the same bytes for the same rows, whatever their key order or source', async () => {
    const dir = await tempDir();
    await writeOpenAiJsonl(exportRows(), join(dir, 'a.jsonl'));
    await writeOpenAiJsonl(slowly(reverseKeys(exportRows())), join(dir, 'b.jsonl'));
    expect(await readFile(join(dir, 'b.jsonl'))).toEqual(await readFile(join(dir, 'a.jsonl')));
  });

  it('leaves the previous file and no temporary file when the rows fail midway', async () => {
    const dir = await tempDir();
    const path = join(dir, 'out.jsonl');
    await writeFile(path, 'previous');
    await expect(writeOpenAiJsonl(slowly(exportRows(), 2), path)).rejects.toThrow('source failed');
    expect(await readFile(path, 'utf8')).toBe('previous');
    expect(await listDir(dir)).toEqual(['out.jsonl']);
  });
});
