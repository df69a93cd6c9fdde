// A minimal JSONL reader for benchmark data (the app's import code is separate on purpose).
// Imports: node:fs only.

import { readFileSync } from 'node:fs';

/** Parses every non-blank line of a JSONL file; throws with the line number on bad JSON. */
export function readJsonl(file: string): unknown[] {
  const text = readFileSync(file, 'utf8');
  const out: unknown[] = [];
  let line = 0;
  for (const raw of text.split('\n')) {
    line++;
    const s = raw.trim();
    if (s === '') continue;
    try {
      out.push(JSON.parse(s));
    } catch (e) {
      throw new Error(`${file} line ${line}: not valid JSON (${(e as Error).message})`);
    }
  }
  return out;
}
