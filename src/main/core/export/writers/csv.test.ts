import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, writeCsv } from './csv.ts';
import { exportRows, reverseKeys, tempDir } from './test-rows.ts';

describe('writeCsv', () => {
  it('parses back with papaparse to the same text, JSON and ids', async () => {
    const dir = await tempDir();
    await writeCsv(exportRows(), join(dir, 'rows.csv'));
    const text = await readFile(join(dir, 'rows.csv'), 'utf8');
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
    const [a, b, c] = parsed.data;
    expect(a).toEqual({
      row_id: '1',
      prompt: 'Weather in Paris, "today"?\nAnd tomorrow?',
      response: 'Sunny, 21 °C. Tomorrow: rain, 15 °C.',
      messages_json: expect.any(String),
      labels: '["weather","tools"]',
      expected_output: '{"temp":21}',
      note: 'checked, by hand',
      split: 'train',
      source_trace_id: '101',
    });
    expect(JSON.parse(a!.messages_json!)).toEqual(exportRows()[0]!.messages);
    // No text in the response: its tool calls as JSON. Text parts make the prompt.
    expect(b).toMatchObject({ row_id: 'r-2', prompt: 'Describe this', expected_output: '', note: '', split: 'test' });
    expect(JSON.parse(b!.response!)).toEqual(exportRows()[1]!.response.tool_calls);
    expect(c).toMatchObject({ prompt: '  leading space, =SUM(A1) and emoji 😀 and ünïcödé', expected_output: 'just a string', source_trace_id: '9007199254740991' });
    expect(JSON.parse(c!.labels!)).toEqual(['a,b', 'quote"d']);
    expect(text.includes('\r\n')).toBe(true);
  });

  it('writes the same bytes for the same rows, across batches', async () => {
    const dir = await tempDir();
    const many = Array.from({ length: 2500 }, (_, i) => ({ ...exportRows()[i % 3]!, rowId: i }));
    const first = await writeCsv(many, join(dir, 'a.csv'));
    await writeCsv(reverseKeys(many), join(dir, 'b.csv'));
    expect(first.rows).toBe(2500);
    expect(await readFile(join(dir, 'b.csv'))).toEqual(await readFile(join(dir, 'a.csv')));
    const parsed = Papa.parse<Record<string, string>>(await readFile(join(dir, 'a.csv'), 'utf8'), { header: true, skipEmptyLines: true });
    expect(parsed.data.map((r) => r['row_id'])).toEqual(many.map((r) => String(r.rowId)));
  });
});
