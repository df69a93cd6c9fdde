// Which rows of a frozen training version a fine-tune sends, and the OpenAI chat JSONL files of them, written by
// the export domain's own writer (so the upload is byte for byte what `export --format openai` writes).
// Imports: node:fs, node:path, contract types, datasets and export indexes.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DatasetSplit } from '../../../shared/contract/index.ts';
import type { DatasetRow, VersionAccess, VersionHandle } from '../datasets/index.ts';
import { writeOpenAiJsonl, type FileResult, type TrainingTarget } from '../export/index.ts';

/** undefined: every row of an unsplit version. */
export interface FinetuneSplits {
  training: DatasetSplit | undefined;
  /** The validation split, else the test split; null when the version has neither (or no split). */
  validation: DatasetSplit | null;
  trainingRows: number;
  validationRows: number;
}

export function finetuneSplits(handle: VersionHandle): FinetuneSplits {
  if (!handle.split) return { training: undefined, validation: null, trainingRows: handle.rows, validationRows: 0 };
  const rows = handle.split.rows;
  const validation = (rows.validation ?? 0) > 0 ? 'validation' : (rows.test ?? 0) > 0 ? 'test' : null;
  return { training: 'train', validation, trainingRows: rows.train ?? 0, validationRows: validation ? (rows[validation] ?? 0) : 0 };
}

/** Writes one split (or every row) as `<dir>/<name>.jsonl` with the dataset's training target, checking for a cancel between pages. */
export async function writeFinetuneFile(versions: VersionAccess, handle: VersionHandle, split: DatasetSplit | undefined, dir: string, name: string, signal: AbortSignal, target: TrainingTarget | null): Promise<FileResult> {
  mkdirSync(dir, { recursive: true });
  async function* rows(): AsyncGenerator<DatasetRow> {
    for (const page of versions.rows(handle, split)) {
      signal.throwIfAborted();
      yield* target ? page.map((r) => target.apply(r)) : page;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  return writeOpenAiJsonl(rows(), join(dir, `${name}.jsonl`));
}
