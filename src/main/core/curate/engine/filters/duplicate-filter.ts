// `duplicate`: drops exact copies (the same words in the same order, ignoring case, spacing and punctuation) and
// near copies (MinHash + LSH over word bigrams of the prompt and of the answer, confirmed by exact Jaccard),
// keeping the first row in row order and naming it. Imports: ../curate-row.ts, ../filter-verdict.ts, ../dedup/*.

import type { CurateRow } from '../curate-row.ts';
import { dropVerdict, type RowVerdictOrNull } from '../filter-verdict.ts';
import { instructionText, nearAnswerText, nearPromptText } from '../dedup/dedup-text.ts';
import { LshIndex, writeBandKeys } from '../dedup/lsh-index.ts';
import { signatureSimilarity, writeSignature } from '../dedup/one-permutation-minhash.ts';
import { mix32, wordBigramShingles } from '../dedup/shingles.ts';
import { jaccard, shingleSet } from '../dedup/shingle-set.ts';
import { normalisedTextHash } from '../dedup/text-hash.ts';

export interface DuplicateOptions {
  /** Also find near copies; off finds exact copies only. */
  near: boolean;
  /** Jaccard similarity of word bigrams, of the prompts and of the answers, at or above which two rows are copies. */
  threshold: number;
}

/** Bins per side (prompt, answer); the estimate only screens candidates, exact Jaccard decides. */
const BINS = 64;
const SIG = 2 * BINS;
/** Each band needs 2 prompt and 2 answer values to agree: a pair at 0.8 on both sides meets in a band with p > 0.999. */
const BANDS = 32;
const PER_PART = 2;
/** How far below the threshold an estimate may fall and still be confirmed exactly (about 3 standard errors). */
const SCREEN_MARGIN = 0.2;
const PARTS: [number, number][] = [
  [0, BINS],
  [BINS, BINS],
];

/**
 * One pass over each row's prompt and answer gives both keys: the word-sequence hashes that make the exact key
 * (with the system prompt's hash, cached because a few system prompts repeat across many rows), and the MinHash
 * signatures for near copies.
 */
function scanRows(rows: readonly CurateRow[], near: boolean): { exact: Float64Array; sig: Uint32Array | null } {
  const exact = new Float64Array(rows.length);
  const sig = near ? new Uint32Array(rows.length * SIG) : null;
  const instructionHashes = new Map<string, number>();
  let buf = new Uint32Array(1024);
  rows.forEach((row, i) => {
    const instructions = instructionText(row);
    let sys = instructionHashes.get(instructions);
    if (sys === undefined) {
      sys = normalisedTextHash(instructions) % 0x100000000;
      if (instructionHashes.size < 10_000) instructionHashes.set(instructions, sys);
    }
    const prompt = wordBigramShingles(nearPromptText(row), buf);
    if (sig) writeSignature(prompt.buffer, prompt.count, sig, i * SIG, BINS);
    const answer = wordBigramShingles(nearAnswerText(row), prompt.buffer);
    if (sig) writeSignature(answer.buffer, answer.count, sig, i * SIG + BINS, BINS);
    buf = answer.buffer;
    const hi = mix32(sys ^ Math.imul(prompt.sequence, 0x9e3779b1));
    const lo = mix32(answer.sequence ^ Math.imul(prompt.sequence, 0x85ebca6b) ^ (sys >>> 7));
    exact[i] = hi * 0x200000 + (lo >>> 11);
  });
  return { exact, sig };
}

/**
 * `canRepresent[i]` says whether row i may be the kept copy: a row another filter drops should not be the one
 * its copies point to. Rows that cannot represent are still checked against those that can.
 */
export function findDuplicates(rows: readonly CurateRow[], canRepresent: Uint8Array, options: DuplicateOptions): RowVerdictOrNull[] {
  const verdicts: RowVerdictOrNull[] = new Array<RowVerdictOrNull>(rows.length).fill(null);
  const firstByText = new Map<number, number>();
  const { exact: exactKeys, sig } = scanRows(rows, options.near);
  const index = options.near ? new LshIndex(rows.length, BANDS) : null;
  const keys = new Uint32Array(BANDS);
  const seenBy = new Int32Array(rows.length).fill(-1);

  for (let i = 0; i < rows.length; i++) {
    const textKey = exactKeys[i]!;
    const exact = firstByText.get(textKey);
    if (exact !== undefined) {
      verdicts[i] = { ...dropVerdict('duplicate', `exact duplicate of row ${rows[exact]!.id}`), duplicateOf: rows[exact]!.id };
      continue;
    }
    if (sig && index) {
      writeBandKeys(sig, i * SIG, PARTS, PER_PART, keys);
      let best = -1;
      let bestPrompt = 0;
      let bestAnswer = 0;
      let mine: [Uint32Array, Uint32Array] | null = null;
      const screen = options.threshold - SCREEN_MARGIN;
      index.forEachCandidate(keys, (r) => {
        if (seenBy[r] === i || (best >= 0 && r > best)) return;
        seenBy[r] = i;
        if (signatureSimilarity(sig, r * SIG, i * SIG, BINS) < screen) return;
        if (signatureSimilarity(sig, r * SIG + BINS, i * SIG + BINS, BINS) < screen) return;
        mine ??= [shingleSet(nearPromptText(rows[i]!)), shingleSet(nearAnswerText(rows[i]!))];
        const p = jaccard(shingleSet(nearPromptText(rows[r]!)), mine[0]);
        if (p < options.threshold) return;
        const a = jaccard(shingleSet(nearAnswerText(rows[r]!)), mine[1]);
        if (a < options.threshold) return;
        best = r;
        bestPrompt = p;
        bestAnswer = a;
      });
      if (best >= 0) {
        verdicts[i] = {
          ...dropVerdict('duplicate', `near duplicate of row ${rows[best]!.id} (prompt similarity ${bestPrompt.toFixed(2)}, answer ${bestAnswer.toFixed(2)})`),
          duplicateOf: rows[best]!.id,
        };
        continue;
      }
    }
    if (canRepresent[i]) {
      firstByText.set(textKey, i);
      index?.add(i, keys);
    }
  }
  return verdicts;
}
