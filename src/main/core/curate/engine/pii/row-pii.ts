// Finds PII in every text of a row (prompt messages of any role, tool calls and results, the response) and
// says where each finding sits. Imports: ../curate-row.ts, ../row-text.ts, ./detect-pii.ts, ./pii-span.ts.

import type { CurateRow } from '../curate-row.ts';
import { textFields, type TextLocation } from '../row-text.ts';
import { detectPii } from './detect-pii.ts';
import type { PiiSpan, PiiType } from './pii-span.ts';

export interface RowPiiSpan extends PiiSpan {
  location: TextLocation;
}

/**
 * Findings by text, for one run over many rows: traces repeat long system prompts and tool schemas thousands of
 * times, and looking a text up costs far less than scanning it again. Short texts are not worth the lookup.
 */
export class PiiCache {
  private readonly found = new Map<string, PiiSpan[]>();
  private readonly minLength: number;
  private readonly maxEntries: number;

  constructor(minLength = 256, maxEntries = 2000) {
    this.minLength = minLength;
    this.maxEntries = maxEntries;
  }

  detect(text: string, types: ReadonlySet<PiiType> | undefined): PiiSpan[] {
    if (text.length < this.minLength) return detectPii(text, types);
    let spans = this.found.get(text);
    if (!spans) {
      spans = detectPii(text, types);
      if (this.found.size >= this.maxEntries) this.found.clear();
      this.found.set(text, spans);
    }
    return spans;
  }
}

/** `cache` must only be shared by calls asking for the same `types`. */
export function findRowPii(row: CurateRow, types?: ReadonlySet<PiiType>, cache?: PiiCache): RowPiiSpan[] {
  const out: RowPiiSpan[] = [];
  for (const field of textFields(row)) {
    const spans = cache ? cache.detect(field.text, types) : detectPii(field.text, types);
    for (const s of spans) out.push({ ...s, location: field.location });
  }
  return out;
}
