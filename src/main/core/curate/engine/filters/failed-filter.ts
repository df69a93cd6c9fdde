// `failed`: drops rows whose request did not succeed (status error, timeout, cancelled...).
// Imports: ../curate-row.ts, ../filter-verdict.ts.

import type { CurateRow } from '../curate-row.ts';
import { dropVerdict, type RowVerdictOrNull } from '../filter-verdict.ts';

/** Spellings of success seen in trace exports; anything else is a failed request. */
const SUCCESS = new Set(['ok', 'success', 'succeeded', 'completed', 'complete']);

export function checkFailed(row: CurateRow): RowVerdictOrNull {
  const status = String(row.status ?? '').trim().toLowerCase();
  if (SUCCESS.has(status)) {
    if (row.finishReason === 'error') return dropVerdict('failed', 'finish reason was error');
    return null;
  }
  return dropVerdict('failed', status ? `request status was "${row.status}"` : 'request has no status');
}
