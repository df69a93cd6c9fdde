// Per-run LanceDB tables of row vectors: written once when a clustering run is saved, then read for
// "similar rows" searches and for merge/split. Imports: @lancedb/lancedb, apache-arrow, lance-store.
import { createRequire } from 'node:module';
import type * as Arrow from 'apache-arrow';
import type { VectorStore } from './lance-store.ts';

// LanceDB is CommonJS and checks `instanceof` against the CommonJS build of apache-arrow; an ESM import
// would load the other build, whose classes fail that check.
const { Field, FixedSizeList, Float32, Int32, RecordBatch, Schema, Struct, Table, makeData } = createRequire(import.meta.url)('apache-arrow') as typeof Arrow;
type FixedSizeList = Arrow.FixedSizeList;

const tableName = (runId: number): string => `run_${runId}_vectors`;

export async function writeRunVectors(store: VectorStore, runId: number, rowIds: ArrayLike<number>, vectors: Float32Array, d: number): Promise<void> {
  const n = rowIds.length;
  const listType = new FixedSizeList(d, new Field('item', new Float32(), false));
  const schema = new Schema([new Field('row_id', new Int32(), false), new Field('vector', listType, false)]);
  const ids = makeData({ type: new Int32(), length: n, data: Int32Array.from(rowIds) });
  const values = makeData({ type: new Float32(), length: n * d, data: vectors });
  const vecs = makeData({ type: listType, length: n, child: values });
  const struct = makeData({ type: new Struct(schema.fields), length: n, children: [ids, vecs] });
  await store.createTable(tableName(runId), new Table(schema, new RecordBatch(schema, struct)), { mode: 'overwrite' });
}

/** Every vector of a run, in the order of `rowIds` returned. */
export async function readRunVectors(store: VectorStore, runId: number): Promise<{ rowIds: Int32Array; vectors: Float32Array; d: number }> {
  const table = await store.openTable(tableName(runId));
  const arrow = await table.query().select(['row_id', 'vector']).toArrow();
  const n = arrow.numRows;
  const rowIds = new Int32Array(n);
  let d = 0;
  let vectors = new Float32Array(0);
  let at = 0;
  for (const batch of arrow.batches) {
    const idCol = batch.getChild('row_id')!;
    const vecCol = batch.getChild('vector')!;
    d = (vecCol.type as FixedSizeList).listSize;
    if (vectors.length === 0) vectors = new Float32Array(n * d);
    for (let i = 0; i < batch.numRows; i++) {
      rowIds[at + i] = idCol.get(i) as number;
      vectors.set(vecCol.get(i)!.toArray() as Float32Array, (at + i) * d);
    }
    at += batch.numRows;
  }
  return { rowIds, vectors, d };
}

export async function similarRows(store: VectorStore, runId: number, rowId: number, limit: number): Promise<{ rowId: number; similarity: number }[]> {
  const table = await store.openTable(tableName(runId));
  const [self] = (await table.query().where(`row_id = ${Math.trunc(rowId)}`).select(['vector']).limit(1).toArray()) as { vector: { toArray(): Float32Array } }[];
  if (!self) return [];
  const hits = (await table.vectorSearch(self.vector.toArray()).distanceType('cosine').select(['row_id']).limit(limit + 1).toArray()) as {
    row_id: number;
    _distance: number;
  }[];
  return hits.filter((h) => h.row_id !== rowId).slice(0, limit).map((h) => ({ rowId: h.row_id, similarity: 1 - h._distance }));
}

export async function hasRunVectors(store: VectorStore, runId: number): Promise<boolean> {
  return (await store.tableNames()).includes(tableName(runId));
}

/** Drops a run's table if it exists (what a killed or failed save left). */
export async function dropRunVectors(store: VectorStore, runId: number): Promise<void> {
  if (await hasRunVectors(store, runId)) await store.dropTable(tableName(runId));
}
