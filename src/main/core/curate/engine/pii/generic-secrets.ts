// Finds secrets no provider format announces: values assigned to a secret-sounding name ("password: ...",
// "api_key=...", "Authorization: Bearer ..."), and long random-looking tokens. Imports: ./entropy.ts, ./pii-span.ts.

import { shannonEntropy } from './entropy.ts';
import { span, type PiiSpan } from './pii-span.ts';

/** The name may end a longer one (OPENAI_API_KEY, db_password); a letter before it means another word (monkey: ...). */
const NAMED = /(api[_-]?key|apikey|secret(?:[_-]?key)?|access[_-]?key(?:[_-]?id)?|client[_-]?secret|auth[_-]?token|access[_-]?token|refresh[_-]?token|token|passw(?:or)?d|passwd|pwd|private[_-]?key)["']?\s*[:=]\s*["']?([^\s"'`,;<>(){}[\]]{6,200})/gi;
const NAME_MARK = /key|secret|token|passw|pwd/i;
const BEARER = /\b(?:Bearer|Basic)\s+([A-Za-z0-9._~+/=-]{16,})/g;

/** Values that stand for a secret rather than being one: "<your key>", "${API_KEY}", "xxxx", "changeme". */
const PLACEHOLDER = /^(?:x+|\*+|\.+|-+|0+)$|your|example|placeholder|changeme|redacted|dummy|sample|\$\{|\{\{|<|%s|process\.env|os\.environ|getenv|env\[|^(?:none|null|undefined|true|false|string|required|optional|secret|password|token)$/i;

const MIN_TOKEN = 24;
const MAX_TOKEN = 256;

function isTokenChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 47 || c === 95 || c === 61 || c === 45;
}

/**
 * Random tokens: 24 to 256 characters of base64/base62 with upper case, lower case and digits, and entropy near
 * a random string's. Hex-only tokens (UUIDs, commit SHAs, content hashes) are left out: in traces they are
 * identifiers far more often than keys, and a hex key assigned to a secret-sounding name is still caught above.
 */
function randomLooking(t: string): number | null {
  if (!/[a-z]/.test(t) || !/[A-Z]/.test(t) || !/\d/.test(t) || ID_PREFIX.test(t)) return null;
  // Paths and kebab/snake identifiers ("my-long-component-name-v2") have separators between real words.
  if (/[/_-]/.test(t) && t.split(/[/_-]/).some((part) => /^[a-z]{4,}$/.test(part))) return null;
  // CamelCase identifiers (MyVeryLongClassNameFactory2) are mostly words; in a random token of 24+ characters,
  // word-like stretches cover more than three quarters of it about once in a thousand.
  let wordy = 0;
  for (const m of t.matchAll(WORD_LIKE)) wordy += m[0].length;
  if (wordy >= 0.75 * t.length) return null;
  const h = shannonEntropy(t);
  return h >= entropyFloor(t.length) ? h : null;
}

const WORD_LIKE = /[A-Z]?[a-z]{3,}/g;
/** Object ids that APIs mint with a type prefix (run_..., call_..., chatcmpl-...) are random but public. */
const ID_PREFIX = /^(?:run|msg|call|toolu|chatcmpl|cmpl|resp|req|file|asst|thread|batch|ft|ftjob|evt|cus|sub|pi|ch|in|prod|price|txn|org|user|sess|span|trace|obs|gen|job|step|vs|item)[_-]/;

/**
 * The 1st percentile of the entropy of uniformly random base62 strings, by length (simulated, 2,000 strings
 * each): a random key clears it 99 times in 100, while words, identifiers and paths fall well below.
 */
const FLOOR: readonly [number, number][] = [
  [24, 3.89],
  [32, 4.2],
  [40, 4.45],
  [48, 4.66],
  [64, 4.88],
  [96, 5.2],
  [128, 5.4],
  [256, 5.68],
];

function entropyFloor(n: number): number {
  if (n <= FLOOR[0]![0]) return FLOOR[0]![1];
  for (let i = 1; i < FLOOR.length; i++) {
    const [n1, h1] = FLOOR[i]!;
    if (n <= n1) {
      const [n0, h0] = FLOOR[i - 1]!;
      return h0 + ((h1 - h0) * (Math.log2(n) - Math.log2(n0))) / (Math.log2(n1) - Math.log2(n0));
    }
  }
  return FLOOR[FLOOR.length - 1]![1];
}

export function findNamedSecrets(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  // Cheapest test first: a named secret needs ":" or "=", and case-insensitive alternations are slow to scan.
  if ((text.includes(':') || text.includes('=')) && NAME_MARK.test(text)) {
    for (const m of text.matchAll(NAMED)) {
      const value = m[2]!;
      const before = m.index > 0 ? text.charCodeAt(m.index - 1) : 0;
      const letterBefore = (before >= 65 && before <= 90) || (before >= 97 && before <= 122);
      if (letterBefore || PLACEHOLDER.test(value)) continue;
      const start = m.index + m[0].length - value.length;
      out.push(span(text, start, start + value.length, 'SECRET', `named ${m[1]!.toLowerCase()}`));
    }
  }
  if (text.includes('earer ') || text.includes('asic ')) {
    for (const m of text.matchAll(BEARER)) {
      const value = m[1]!;
      if (PLACEHOLDER.test(value)) continue;
      const start = m.index + m[0].length - value.length;
      out.push(span(text, start, start + value.length, 'SECRET', 'authorization header'));
    }
  }
  return out;
}

/** The token run containing position j: [start, end). */
function runAround(text: string, j: number): [number, number] {
  let start = j;
  while (start > 0 && isTokenChar(text.charCodeAt(start - 1))) start--;
  let end = j + 1;
  while (end < text.length && isTokenChar(text.charCodeAt(end))) end++;
  return [start, end];
}

/**
 * Scans by hand, looking only at every 24th character: a run of 24 token characters must cover one of them, so
 * most of an English text is never read. (A regex over the same character class reads every position.)
 */
export function findHighEntropyTokens(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  let done = 0;
  for (let j = MIN_TOKEN - 1; j < text.length; j += MIN_TOKEN) {
    if (j < done || !isTokenChar(text.charCodeAt(j))) continue;
    const [start, end] = runAround(text, j);
    done = end;
    const len = end - start;
    // A data: URI or inline base64 payload is content, not a credential.
    if (len < MIN_TOKEN || len > MAX_TOKEN || text.slice(Math.max(0, start - 8), start).includes('base64,')) continue;
    const token = text.slice(start, end);
    const h = randomLooking(token);
    if (h !== null) out.push(span(text, start, end, 'SECRET', `entropy ${h.toFixed(1)} bits/char`));
  }
  return out;
}
