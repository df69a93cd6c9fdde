// Owns: the distil labs upload folder: traces.jsonl (OpenAI messages), job_description.json and config.yaml.
// Imports: node:fs, node:path, writers helpers (atomic output, OpenAI JSONL line).

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openAtomicFile, writeFolderAtomically } from './atomic-output.ts';
import { openAiLine } from './openai-jsonl.ts';
import type { FolderResult, RowSource, SplitCounts } from './types.ts';
import { countSplit } from './types.ts';

export interface DistilOptions {
  /** What the model should do, in plain words: distil labs filters and relabels traces against it. */
  taskDescription: string;
  /** A distil labs task type; `question-answering` unless told otherwise. */
  task?: string;
  /** The small model to fine-tune; a placeholder to be checked against what distil labs offers. */
  studentModel?: string;
}

export const DISTIL_FILES = ['config.yaml', 'job_description.json', 'traces.jsonl'] as const;

/**
 * Minimal, with a comment on every key. `convert_to_single_turn` is false because each Winnow row is already
 * one example (one assistant turn with the conversation before it); splitting again would repeat prompts.
 */
export function distilConfig(options: DistilOptions): string {
  // JSON strings are valid YAML double-quoted scalars, so values need no YAML escaping of their own.
  const q = JSON.stringify;
  return [
    '# distil labs training config, written by Winnow. Check every value before uploading.',
    'base:',
    '  # Kind of task the student model learns (a distil labs task type).',
    `  task: ${q(options.task ?? 'question-answering')}`,
    '  # The small model to fine-tune. A placeholder: pick one that distil labs offers.',
    `  student_model_name: ${q(options.studentModel ?? 'Llama-3.2-1B-Instruct')}`,
    'trace_processing:',
    '  # false: each line of traces.jsonl stays one example, as Winnow exported it.',
    '  convert_to_single_turn: false',
    '',
  ].join('\n');
}

export async function writeDistilFolder(rows: RowSource, dir: string, options: DistilOptions): Promise<FolderResult> {
  return writeFolderAtomically(dir, async (temp) => {
    const traces = await openAtomicFile(join(temp, 'traces.jsonl'));
    const rowsPerSplit: SplitCounts = {};
    let count = 0;
    try {
      for await (const row of rows) {
        await traces.sink.write(openAiLine(row));
        countSplit(rowsPerSplit, row);
        count++;
      }
    } catch (error) {
      await traces.abort();
      throw error;
    }
    await traces.commit();
    await writeFile(join(temp, 'job_description.json'), `${JSON.stringify({ task_description: options.taskDescription }, null, 2)}\n`);
    await writeFile(join(temp, 'config.yaml'), distilConfig(options));
    return { dir, files: [...DISTIL_FILES], rows: count, rowsPerSplit };
  });
}
