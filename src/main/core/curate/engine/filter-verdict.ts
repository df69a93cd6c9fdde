// The names of the curation filters and the verdict each one gives a row.
// Imports: nothing.

/** In the order the pipeline applies them: the first that drops a row is its drop reason. */
export const FILTER_NAMES = ['failed', 'empty', 'cluster', 'refusal', 'truncated', 'invalid_json', 'too_long', 'pii', 'duplicate'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

export interface FilterVerdict {
  drop: boolean;
  filter: FilterName;
  /** Why, in words a reviewer reads: "finish reason was length". */
  reason: string;
  /** `duplicate` only: the id of the kept row this one copies. */
  duplicateOf?: string;
}

/** A filter's answer for one row: null when it has nothing to say. */
export type RowVerdictOrNull = FilterVerdict | null;

export function dropVerdict(filter: FilterName, reason: string): FilterVerdict {
  return { drop: true, filter, reason };
}
