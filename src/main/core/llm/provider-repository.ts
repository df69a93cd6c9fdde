// SQL of the saved model providers: the llm_providers table (sealed key stays sealed here). Imports: better-sqlite3 types.
import type { Database, Statement } from 'better-sqlite3';

export interface StoredModel {
  name: string;
  purpose: 'chat' | 'embeddings';
  inputPer1M: number;
  outputPer1M: number;
}

export interface StoredProvider {
  id: number;
  name: string;
  baseUrl: string;
  sealedKey: string | null;
  models: StoredModel[];
  concurrency: number;
  timeoutMs: number;
  defaultChatModel: string | null;
  defaultEmbeddingModel: string | null;
}

interface Row {
  id: number;
  name: string;
  base_url: string;
  sealed_key: string | null;
  models_json: string;
  concurrency: number;
  timeout_ms: number;
  default_chat_model: string | null;
  default_embedding_model: string | null;
}

const fromRow = (r: Row): StoredProvider => ({
  id: r.id,
  name: r.name,
  baseUrl: r.base_url,
  sealedKey: r.sealed_key,
  models: JSON.parse(r.models_json) as StoredModel[],
  concurrency: r.concurrency,
  timeoutMs: r.timeout_ms,
  defaultChatModel: r.default_chat_model,
  defaultEmbeddingModel: r.default_embedding_model,
});

export class ProviderRepository {
  readonly #all: Statement<[], Row>;
  readonly #one: Statement<[number], Row>;
  readonly #byName: Statement<[string], Row>;
  readonly #insert: Statement;
  readonly #update: Statement;
  readonly #delete: Statement<[number]>;

  constructor(db: Database) {
    this.#all = db.prepare('SELECT * FROM llm_providers ORDER BY id');
    this.#one = db.prepare('SELECT * FROM llm_providers WHERE id = ?');
    this.#byName = db.prepare('SELECT * FROM llm_providers WHERE name = ?');
    this.#insert = db.prepare(
      `INSERT INTO llm_providers (name, base_url, sealed_key, models_json, concurrency, timeout_ms, default_chat_model, default_embedding_model, created_at, updated_at)
       VALUES (@name, @baseUrl, @sealedKey, @modelsJson, @concurrency, @timeoutMs, @defaultChatModel, @defaultEmbeddingModel, @now, @now)`,
    );
    this.#update = db.prepare(
      `UPDATE llm_providers SET name = @name, base_url = @baseUrl, sealed_key = @sealedKey, models_json = @modelsJson, concurrency = @concurrency,
       timeout_ms = @timeoutMs, default_chat_model = @defaultChatModel, default_embedding_model = @defaultEmbeddingModel, updated_at = @now WHERE id = @id`,
    );
    this.#delete = db.prepare('DELETE FROM llm_providers WHERE id = ?');
  }

  list(): StoredProvider[] {
    return this.#all.all().map(fromRow);
  }

  get(id: number): StoredProvider | null {
    const r = this.#one.get(id);
    return r ? fromRow(r) : null;
  }

  byName(name: string): StoredProvider | null {
    const r = this.#byName.get(name);
    return r ? fromRow(r) : null;
  }

  /** Inserts (id null) or updates; returns the id. */
  save(p: Omit<StoredProvider, 'id'> & { id: number | null }, now: number): number {
    const params = {
      name: p.name,
      baseUrl: p.baseUrl,
      sealedKey: p.sealedKey,
      modelsJson: JSON.stringify(p.models),
      concurrency: p.concurrency,
      timeoutMs: p.timeoutMs,
      defaultChatModel: p.defaultChatModel,
      defaultEmbeddingModel: p.defaultEmbeddingModel,
      now,
    };
    if (p.id === null) return Number(this.#insert.run(params).lastInsertRowid);
    this.#update.run({ ...params, id: p.id });
    return p.id;
  }

  remove(id: number): boolean {
    return this.#delete.run(id).changes > 0;
  }
}
