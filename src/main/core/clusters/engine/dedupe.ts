// Collapses identical vectors (identical texts embed identically) so the graph has one node per distinct row.
// Imports: nothing. Typed-array reads use `!`: indices stay in range by construction.

export interface Deduped {
  /** Row index (into the input rows) of each distinct vector. */
  representatives: Int32Array;
  /** Distinct-vector position of every input row. */
  of: Int32Array;
  /** Number of input rows per distinct vector. */
  counts: Int32Array;
}

/** Groups rows whose vectors are bit-identical (hash, then exact compare on collision). */
export function dedupeVectors(vectors: Float32Array, rows: Int32Array, d: number): Deduped {
  const bits = new Uint32Array(vectors.buffer, vectors.byteOffset, vectors.length);
  const byHash = new Map<number, number[]>();
  const reps: number[] = [];
  const counts: number[] = [];
  const of = new Int32Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    const o = i * d;
    let h = 0x811c9dc5;
    for (let t = 0; t < d; t++) h = Math.imul(h ^ bits[o + t]!, 0x01000193);
    let bucket = byHash.get(h);
    if (!bucket) {
      bucket = [];
      byHash.set(h, bucket);
    }
    let found = -1;
    for (const u of bucket) {
      const ou = reps[u]! * d;
      let same = true;
      for (let t = 0; t < d && same; t++) same = bits[ou + t] === bits[o + t];
      if (same) {
        found = u;
        break;
      }
    }
    if (found < 0) {
      found = reps.length;
      reps.push(i);
      counts.push(0);
      bucket.push(found);
    }
    counts[found]!++;
    of[r] = found;
  }
  return { representatives: Int32Array.from(reps), of, counts: Int32Array.from(counts) };
}

/** Copies the listed rows into a compact n' × d matrix. */
export function gatherRows(vectors: Float32Array, rows: Int32Array, d: number): Float32Array {
  const out = new Float32Array(rows.length * d);
  for (let r = 0; r < rows.length; r++) out.set(vectors.subarray(rows[r]! * d, rows[r]! * d + d), r * d);
  return out;
}
