// `refusal`: drops answers that decline the request, by phrase, or that the provider's content filter cut.
// Imports: ../curate-row.ts, ../filter-verdict.ts, ../row-text.ts, ./refusal-detector.ts.

import type { CurateRow } from '../curate-row.ts';
import { dropVerdict, type RowVerdictOrNull } from '../filter-verdict.ts';
import { responseText } from '../row-text.ts';
import { detectRefusal } from './refusal-detector.ts';

export function checkRefusal(row: CurateRow): RowVerdictOrNull {
  if (row.finishReason === 'content_filter') return dropVerdict('refusal', 'finish reason was content_filter (the provider withheld the answer)');
  const match = detectRefusal(responseText(row));
  return match ? dropVerdict('refusal', `answer refuses: "${match.sentence}"`) : null;
}
