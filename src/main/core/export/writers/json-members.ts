// Owns: reading the top-level members of a JSON object as raw text slices, without parsing the values, so a row
// stored as canonical JSON can be re-framed for export without a parse and a re-serialise per row.
// Imports: nothing.

/**
 * Key → raw value text of each top-level member of a compact JSON object (no whitespace between tokens, as
 * canonical JSON and JSON.stringify write it). Values are not checked, only skipped; null if `json` does not
 * look like such an object, so the caller can fall back to JSON.parse.
 */
export function topLevelMembers(json: string): Map<string, string> | null {
  const n = json.length;
  if (json.charCodeAt(0) !== 0x7b || json.charCodeAt(n - 1) !== 0x7d) return null;
  const members = new Map<string, string>();
  let i = 1;
  while (i < n - 1) {
    if (json.charCodeAt(i) !== 0x22) return null;
    const keyEnd = stringEnd(json, i);
    if (keyEnd < 0 || json.charCodeAt(keyEnd) !== 0x3a) return null;
    const rawKey = json.slice(i + 1, keyEnd - 1);
    const key = rawKey.includes('\\') ? (JSON.parse(json.slice(i, keyEnd)) as string) : rawKey;
    const start = keyEnd + 1;
    const end = valueEnd(json, start);
    if (end < 0) return null;
    members.set(key, json.slice(start, end));
    const next = json.charCodeAt(end);
    if (end === n - 1) break;
    if (next !== 0x2c || end + 1 >= n - 1) return null;
    i = end + 1;
  }
  return members;
}

/** Index just past the string starting at `at` (a quote), or -1. Jumps from quote to quote with indexOf. */
function stringEnd(s: string, at: number): number {
  let j = at + 1;
  for (;;) {
    const q = s.indexOf('"', j);
    if (q < 0) return -1;
    // A quote preceded by an odd number of backslashes is escaped.
    let k = q - 1;
    while (s.charCodeAt(k) === 0x5c) k--;
    if ((q - 1 - k) % 2 === 0) return q + 1;
    j = q + 1;
  }
}

/** Index just past the value starting at `at`, or -1. */
function valueEnd(s: string, at: number): number {
  const c = s.charCodeAt(at);
  if (c === 0x22) return stringEnd(s, at);
  if (c === 0x7b || c === 0x5b) {
    let depth = 0;
    for (let j = at; j < s.length; ) {
      const ch = s.charCodeAt(j);
      if (ch === 0x22) {
        j = stringEnd(s, j);
        if (j < 0) return -1;
        continue;
      }
      if (ch === 0x7b || ch === 0x5b) depth++;
      else if (ch === 0x7d || ch === 0x5d) {
        depth--;
        if (depth === 0) return j + 1;
      }
      j++;
    }
    return -1;
  }
  // A number, true, false or null: up to the next comma or the closing brace.
  let j = at;
  while (j < s.length) {
    const ch = s.charCodeAt(j);
    if (ch === 0x2c || ch === 0x7d || ch === 0x5d) break;
    j++;
  }
  return j > at ? j : -1;
}
