import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { writeDistilFolder } from './distil-folder.ts';
import { exportRows, listDir, tempDir } from './test-rows.ts';

describe('writeDistilFolder', () => {
  it('writes traces as OpenAI messages, the task description and a config that parses', async () => {
    const root = await tempDir();
    const dir = join(root, 'distil');
    const rows = exportRows();
    const result = await writeDistilFolder(rows, dir, { taskDescription: 'Answer weather questions: "short" and exact.', studentModel: 'Qwen3-0.6B' });
    expect(result.rows).toBe(3);
    expect(await listDir(dir)).toEqual(['config.yaml', 'job_description.json', 'traces.jsonl']);
    const traces = (await readFile(join(dir, 'traces.jsonl'), 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l) as { messages: { role: string }[] });
    expect(traces.map((t) => t.messages.at(-1))).toEqual(rows.map((r) => r.response));
    expect(traces[0]!.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'tool', 'assistant']);
    expect(JSON.parse(await readFile(join(dir, 'job_description.json'), 'utf8'))).toEqual({ task_description: 'Answer weather questions: "short" and exact.' });
    const config = parse(await readFile(join(dir, 'config.yaml'), 'utf8')) as unknown;
    expect(config).toEqual({ base: { task: 'question-answering', student_model_name: 'Qwen3-0.6B' }, trace_processing: { convert_to_single_turn: false } });
  });

  it('writes the same bytes for the same rows', async () => {
    const root = await tempDir();
    const options = { taskDescription: 't', task: 'classification' };
    await writeDistilFolder(exportRows(), join(root, 'a'), options);
    await writeDistilFolder(exportRows(), join(root, 'b'), options);
    for (const f of ['config.yaml', 'job_description.json', 'traces.jsonl']) {
      expect(await readFile(join(root, 'b', f)), f).toEqual(await readFile(join(root, 'a', f)));
    }
  });
});
