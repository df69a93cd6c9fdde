// Opens the LanceDB folder beside the SQLite file. Embedding tables live here (keyed by row id).
// Imports: @lancedb/lancedb only (loaded on first use); no business rules.
import type { Connection } from '@lancedb/lancedb';

export type VectorStore = Connection;

export async function openVectorStore(dir: string): Promise<VectorStore> {
  // LanceDB logs routine notices ("creating a new dataset") to stderr, where CLI users read them as errors.
  // Its logger reads this when the module loads, hence the late import.
  process.env.LANCEDB_LOG ??= 'error';
  const lancedb = await import('@lancedb/lancedb');
  return lancedb.connect(dir);
}
