// Turns what a user typed into an FTS5 query that cannot fail: every word becomes a quoted prefix term and
// text in double quotes an exact phrase, all of them required. FTS operators typed by the user (AND, NEAR,
// column filters, stray quotes or parentheses) are read as words. Pure. Imports: nothing.

/** Words as the index's unicode61 tokenizer sees them: runs of letters and digits. */
const WORD = /[\p{L}\p{N}\p{Co}]+/gu;

const words = (text: string): string[] => text.match(WORD) ?? [];
const quote = (word: string): string => `"${word}"`;

/**
 * The FTS5 MATCH expression (over every message, or with `conversation` all but system and developer messages) for the user's text, or null when it holds no word to search for.
 * `baggage fee` -> `"baggage"* AND "fee"*`; `"checked bag" fee` -> `"checked" + "bag" AND "fee"*`.
 */
export function ftsQuery(text: string, scope: 'all' | 'conversation' = 'all'): string | null {
  const terms: string[] = [];
  const segments = text.split('"');
  segments.forEach((segment, i) => {
    // Odd segments sit between a pair of quotes; an unclosed quote's tail is read as plain words.
    const phrase = i % 2 === 1 && i < segments.length - 1;
    const ws = words(segment);
    if (ws.length === 0) return;
    if (phrase) terms.push(ws.map(quote).join(' + '));
    else for (const w of ws) terms.push(`${quote(w)}*`);
  });
  if (terms.length === 0) return null;
  const query = terms.join(' AND ');
  return scope === 'conversation' ? `{conversation} : (${query})` : query;
}
