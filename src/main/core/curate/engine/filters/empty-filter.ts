// `empty`: drops rows whose answer says nothing: no response, no text and no tool calls, or whitespace only.
// Imports: ../curate-row.ts, ../filter-verdict.ts.

import type { CurateRow } from '../curate-row.ts';
import { dropVerdict, type RowVerdictOrNull } from '../filter-verdict.ts';

export function checkEmpty(row: CurateRow): RowVerdictOrNull {
  const r = row.response;
  if (!r) return dropVerdict('empty', 'row has no response');
  if (r.tool_calls?.length) return null;
  const c = r.content;
  if (c == null) return dropVerdict('empty', 'response content is null and it makes no tool calls');
  if (typeof c === 'string') {
    if (c === '') return dropVerdict('empty', 'response content is an empty string');
    return c.trim() === '' ? dropVerdict('empty', 'response is whitespace only') : null;
  }
  // An image or audio part is an answer even without text.
  if (c.some((p) => p.type !== 'text')) return null;
  const text = c.map((p) => (typeof p.text === 'string' ? p.text : '')).join('');
  if (text === '') return dropVerdict('empty', c.length ? 'response text parts are all empty' : 'response has no content parts');
  return text.trim() === '' ? dropVerdict('empty', 'response is whitespace only') : null;
}
