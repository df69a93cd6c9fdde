// `pii`: drops rows holding personal data or secrets anywhere: prompt, tool traffic or response.
// Imports: ../curate-row.ts, ../filter-verdict.ts, ../pii/*.

import type { CurateRow } from '../curate-row.ts';
import { dropVerdict, type RowVerdictOrNull } from '../filter-verdict.ts';
import type { PiiType } from '../pii/pii-span.ts';
import { findRowPii, type PiiCache } from '../pii/row-pii.ts';

export interface PiiOptions {
  /** Types that drop a row; null means all. */
  types: readonly PiiType[] | null;
}

export function checkPii(row: CurateRow, types: ReadonlySet<PiiType> | undefined, cache?: PiiCache): RowVerdictOrNull {
  const spans = findRowPii(row, types, cache);
  if (!spans.length) return null;
  const counts = new Map<PiiType, number>();
  const where = new Set<string>();
  for (const s of spans) {
    counts.set(s.type, (counts.get(s.type) ?? 0) + 1);
    where.add(s.location.message === 'response' ? 'response' : `message ${s.location.message}`);
  }
  const what = [...counts].map(([t, n]) => `${n} ${t}`).join(', ');
  return dropVerdict('pii', `contains ${what} (in ${[...where].join(', ')})`);
}
