// Opens the LanceDB folder beside the SQLite file. Embedding tables live here (keyed by row id).
// Imports: @lancedb/lancedb only; no business rules.
import * as lancedb from '@lancedb/lancedb';

export type VectorStore = lancedb.Connection;

export function openVectorStore(dir: string): Promise<VectorStore> {
  return lancedb.connect(dir);
}
