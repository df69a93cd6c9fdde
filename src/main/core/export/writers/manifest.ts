// Owns: manifest.json beside an export: what was exported (dataset, version, hash, recipe, counts) and each file's
// own SHA-256 and size, so a copy can be checked anywhere.
// Imports: node:crypto, node:fs, node:path, writers helpers (atomic output, sorted JSON).

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomically } from './atomic-output.ts';
import { sortedJson } from './sorted-json.ts';
import type { SplitCounts } from './types.ts';

export interface ManifestInput {
  dataset: string;
  version: string | number;
  kind: 'eval' | 'training';
  /** The version's content hash, `sha256:<hex>`. */
  sha256: string;
  rowsPerSplit: SplitCounts;
  recipe: unknown;
  winnowVersion: string;
  /** The export format, e.g. `openai-jsonl`, `hf-folder`. */
  format: string;
  /** Only when the caller passes it: without it, the same export gives the same manifest bytes. */
  exportedAt?: string;
  /** Shown to whoever opens the export, e.g. that it came from an unfrozen draft. */
  warning?: string;
  /** What the PII re-scan found and the user's choice for it (`warn` or `refuse`). */
  pii?: { policy: string; rowsWithPii: number; spans: number; byType: Record<string, number> };
}

export interface ManifestFile {
  /** Relative to the manifest's folder, with forward slashes. */
  path: string;
  sha256: string;
  bytes: number;
}

export const MANIFEST_FILE = 'manifest.json';

/** SHA-256 and size of a file, streamed so a large export is never read into memory whole. */
export async function describeFile(dir: string, path: string): Promise<ManifestFile> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(join(dir, ...path.split('/')))) hash.update(chunk as Buffer);
  const { size } = await stat(join(dir, ...path.split('/')));
  return { path, sha256: `sha256:${hash.digest('hex')}`, bytes: size };
}

/** The manifest text: fixed key order, files sorted by path, two-space indent, trailing newline. */
export function manifestText(input: ManifestInput, files: readonly ManifestFile[]): string {
  const rows = Object.values(input.rowsPerSplit).reduce((sum, n) => sum + (n ?? 0), 0);
  const manifest = {
    dataset: input.dataset,
    version: input.version,
    kind: input.kind,
    format: input.format,
    sha256: input.sha256,
    rows,
    rows_per_split: JSON.parse(sortedJson(input.rowsPerSplit)) as unknown,
    recipe: input.recipe === undefined ? null : (JSON.parse(sortedJson(input.recipe)) as unknown),
    winnow_version: input.winnowVersion,
    ...(input.warning !== undefined ? { warning: input.warning } : {}),
    ...(input.pii !== undefined ? { pii: JSON.parse(sortedJson(input.pii)) as unknown } : {}),
    ...(input.exportedAt !== undefined ? { exported_at: input.exportedAt } : {}),
    files: [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * Writes `dir/manifest.json` for `files` (paths relative to `dir`). A file given with its hash and size (a writer
 * hashed it on the way out) is taken as it is; a bare path is read and hashed here.
 */
export async function writeManifest(dir: string, input: ManifestInput, files: readonly (string | ManifestFile)[]): Promise<string> {
  const described = await Promise.all(files.map((f) => (typeof f === 'string' ? describeFile(dir, f) : f)));
  const text = manifestText(input, described);
  await writeFileAtomically(join(dir, MANIFEST_FILE), async (sink) => {
    await sink.write(text);
    return {};
  });
  return text;
}
