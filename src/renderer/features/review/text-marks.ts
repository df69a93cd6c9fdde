// How review shows text: PII spans cut into highlighted segments, and long text folded to a head with a count of
// what is hidden. Pure, so odd spans (overlapping, out of range, unsorted) are tested, not discovered.
// Imports: nothing.

export interface MarkSpan {
  start: number;
  end: number;
  type: string;
}

export type Segment = { text: string; mark: null } | { text: string; mark: string };

/**
 * Cuts `text` at the spans. Overlaps are merged into the first span's type (a card inside a longer secret stays
 * one highlight); spans outside the text are clipped or dropped.
 */
export function markSegments(text: string, spans: readonly MarkSpan[]): Segment[] {
  const clean = spans
    .map((s) => ({ start: Math.max(0, Math.min(s.start, text.length)), end: Math.max(0, Math.min(s.end, text.length)), type: s.type }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Segment[] = [];
  let at = 0;
  for (const s of clean) {
    if (s.end <= at) continue;
    const start = Math.max(s.start, at);
    if (start > at) out.push({ text: text.slice(at, start), mark: null });
    out.push({ text: text.slice(start, s.end), mark: s.type });
    at = s.end;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), mark: null });
  return out;
}

export interface Folded {
  /** What is shown while folded. */
  head: string;
  /** Lines hidden (0 when nothing is folded). */
  hiddenLines: number;
  hiddenChars: number;
}

/** Long text shows its first `maxLines` lines and at most `maxChars` characters; the rest folds behind a button. */
export function foldText(text: string, maxLines = 24, maxChars = 2400): Folded {
  let cut = text.length;
  let line = 0;
  for (let i = 0; i < text.length && i < cut; i++) {
    if (text.charCodeAt(i) === 10 && ++line === maxLines) cut = i;
  }
  cut = Math.min(cut, maxChars);
  // Folding a sliver helps nobody: show it all when under a fifth would be hidden.
  if (cut >= text.length || text.length - cut < Math.min(200, text.length / 5)) return { head: text, hiddenLines: 0, hiddenChars: 0 };
  const rest = text.slice(cut);
  return { head: text.slice(0, cut), hiddenLines: rest.split('\n').length - (rest.startsWith('\n') ? 1 : 0), hiddenChars: rest.length };
}

/** Offers a text as pretty JSON when it is a JSON object or array (a JSON-mode answer), else null. */
export function asPrettyJson(text: string): string | null {
  const t = text.trim();
  if (!(t.startsWith('{') && t.endsWith('}')) && !(t.startsWith('[') && t.endsWith(']'))) return null;
  try {
    return JSON.stringify(JSON.parse(t), null, 2);
  } catch {
    return null;
  }
}

/**
 * Spans found in `raw` placed on a reformatted `shown` text (pretty-printed JSON): each span's value is looked up
 * in order, so a value that occurs twice maps to its successive occurrences. Values not found are left out.
 */
export function remapSpans(raw: string, shown: string, spans: readonly MarkSpan[]): MarkSpan[] {
  if (raw === shown) return [...spans];
  const out: MarkSpan[] = [];
  const from = new Map<string, number>();
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const value = raw.slice(s.start, s.end);
    if (!value) continue;
    const at = shown.indexOf(value, from.get(value) ?? 0);
    if (at < 0) continue;
    from.set(value, at + value.length);
    out.push({ start: at, end: at + value.length, type: s.type });
  }
  return out;
}
