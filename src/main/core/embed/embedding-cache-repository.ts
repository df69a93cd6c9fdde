// Embeddings from paid or slow endpoints, kept in SQLite by content hash so a re-run embeds only new texts.
// Imports: better-sqlite3 types, the engine's EmbeddingCache interface, platform write transaction.
import type { Database, Statement } from 'better-sqlite3';
import type { EmbeddingCache } from './embedding-cache.ts';
import { writeTransaction } from '../platform/db/transaction.ts';

/** The key already hashes the embedder id with the text; the model column only groups entries. */
const GROUP = 'openai-compatible';

export class EmbeddingCacheRepository implements EmbeddingCache {
  private readonly db: Database;
  private readonly get: Statement;
  private readonly put: Statement;

  constructor(db: Database) {
    this.db = db;
    this.get = db.prepare('SELECT vector FROM embedding_cache WHERE model = ? AND content_hash = ?');
    this.put = db.prepare('INSERT OR REPLACE INTO embedding_cache (model, content_hash, vector) VALUES (?, ?, ?)');
  }

  async getMany(keys: readonly string[]): Promise<(Float32Array | undefined)[]> {
    return keys.map((key) => {
      const row = this.get.get(GROUP, key) as { vector: Buffer } | undefined;
      return row ? new Float32Array(row.vector.buffer.slice(row.vector.byteOffset, row.vector.byteOffset + row.vector.byteLength)) : undefined;
    });
  }

  async setMany(entries: readonly (readonly [string, Float32Array])[]): Promise<void> {
    writeTransaction(this.db, () => {
      for (const [key, v] of entries) this.put.run(GROUP, key, Buffer.from(v.buffer, v.byteOffset, v.byteLength));
    });
  }
}
