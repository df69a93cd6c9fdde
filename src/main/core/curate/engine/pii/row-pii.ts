// Finds PII in every text of a row (prompt messages of any role, tool calls and results, the response) and
// says where each finding sits. Imports: ../curate-row.ts, ../row-text.ts, ./detect-pii.ts, ./pii-span.ts.

import type { CurateRow } from '../curate-row.ts';
import { textFields, type TextLocation } from '../row-text.ts';
import { detectPii } from './detect-pii.ts';
import type { PiiSpan, PiiType } from './pii-span.ts';

export interface RowPiiSpan extends PiiSpan {
  location: TextLocation;
}

export function findRowPii(row: CurateRow, types?: ReadonlySet<PiiType>): RowPiiSpan[] {
  const out: RowPiiSpan[] = [];
  for (const field of textFields(row)) {
    for (const s of detectPii(field.text, types)) out.push({ ...s, location: field.location });
  }
  return out;
}
