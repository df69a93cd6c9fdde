// `truncated`: drops answers that were cut off: finish reason `length`, or text or tool arguments that visibly stop.
// Imports: ../curate-row.ts, ../filter-verdict.ts, ../row-text.ts, ./json-brackets.ts, ./truncation-detector.ts.

import type { CurateRow } from '../curate-row.ts';
import { dropVerdict, type RowVerdictOrNull } from '../filter-verdict.ts';
import { responseText } from '../row-text.ts';
import { isCutJson } from './json-brackets.ts';
import { detectTruncation } from './truncation-detector.ts';

export function checkTruncated(row: CurateRow): RowVerdictOrNull {
  if (row.finishReason === 'length' || row.finishReason === 'max_tokens') {
    return dropVerdict('truncated', `finish reason was ${row.finishReason}`);
  }
  const reason = detectTruncation(responseText(row));
  if (reason) return dropVerdict('truncated', reason);
  const calls = row.response?.tool_calls ?? [];
  for (const call of calls) {
    if (isCutJson(call.function?.arguments ?? '')) {
      return dropVerdict('truncated', `tool call ${call.function.name} has arguments that stop mid-JSON`);
    }
  }
  return null;
}
