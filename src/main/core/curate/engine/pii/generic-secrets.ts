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
  if (!/[a-z]/.test(t) || !/[A-Z]/.test(t) || !/\d/.test(t)) return null;
  // Paths and kebab/snake identifiers ("my-long-component-name-v2") have separators between real words.
  if (/[/_-]/.test(t) && t.split(/[/_-]/).some((part) => /^[a-z]{4,}$/.test(part))) return null;
  const h = shannonEntropy(t);
  // A random base62 string of length n has about log2(n) - 0.2 bits per character up to n = 62.
  const expected = Math.log2(Math.min(t.length, 62));
  return h >= expected - 0.6 ? h : null;
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
