// Runs the enabled filters over rows and gives each row its verdicts: every filter that fired, in pipeline
// order, the first drop as the reason, and the user's keep/drop overrides on top. Pure: rows in, verdicts out.
// Imports: ./curate-row.ts, ./filter-config.ts, ./filter-verdict.ts, ./filters/*.

import type { CurateRow } from './curate-row.ts';
import { resolveFilterConfig, type FilterConfig, type FilterSettings } from './filter-config.ts';
import { FILTER_NAMES, type FilterName, type FilterVerdict, type RowVerdictOrNull } from './filter-verdict.ts';
import type { PiiType } from './pii/pii-span.ts';
import { PiiCache } from './pii/row-pii.ts';
import { checkCluster } from './filters/cluster-filter.ts';
import { findDuplicates } from './filters/duplicate-filter.ts';
import { checkEmpty } from './filters/empty-filter.ts';
import { checkFailed } from './filters/failed-filter.ts';
import { checkInvalidJson } from './filters/invalid-json-filter.ts';
import { checkPii } from './filters/pii-filter.ts';
import { checkRefusal } from './filters/refusal-filter.ts';
import { checkTooLong } from './filters/too-long-filter.ts';
import { checkTruncated } from './filters/truncated-filter.ts';

export interface Overrides {
  /** Rows the user keeps whatever the filters say. */
  keep?: Iterable<string>;
  /** Rows the user drops whatever the filters say. */
  drop?: Iterable<string>;
}

export interface OverrideVerdict {
  drop: boolean;
  filter: 'override';
  reason: string;
}

export interface RowVerdict {
  rowId: string;
  drop: boolean;
  /** What decided: the override when there is one, else the first filter that dropped the row. */
  decidedBy: FilterVerdict | OverrideVerdict | null;
  /** Every filter that had something to say, in pipeline order (notes that do not drop included). */
  fired: FilterVerdict[];
  override: 'keep' | 'drop' | null;
}

export interface FilterCount {
  /** Rows the filter would drop. */
  fired: number;
  /** Rows for which it is the drop reason (the first filter to drop them, with no override). */
  decided: number;
}

export interface FilterRun {
  rows: RowVerdict[];
  counts: Record<FilterName, FilterCount>;
  kept: number;
  dropped: number;
  /** Milliseconds each enabled filter took over all rows. */
  timings: Partial<Record<FilterName, number>>;
}

type RowCheck = (row: CurateRow) => RowVerdictOrNull;

function rowChecks(config: FilterConfig): [FilterName, RowCheck][] {
  const clusterTargets = config.cluster.clusterIds ? new Set(config.cluster.clusterIds) : null;
  const piiTypes: ReadonlySet<PiiType> | undefined = config.pii.types ? new Set(config.pii.types) : undefined;
  const piiCache = new PiiCache();
  const all: Record<Exclude<FilterName, 'duplicate'>, RowCheck> = {
    failed: checkFailed,
    empty: checkEmpty,
    cluster: (r) => checkCluster(r, config.cluster, clusterTargets),
    refusal: checkRefusal,
    truncated: checkTruncated,
    invalid_json: (r) => checkInvalidJson(r, config.invalid_json),
    too_long: (r) => checkTooLong(r, config.too_long),
    pii: (r) => checkPii(r, piiTypes, piiCache),
  };
  return FILTER_NAMES.filter((n): n is Exclude<FilterName, 'duplicate'> => n !== 'duplicate' && config[n].enabled).map((n) => [n, all[n]]);
}

export function runFilters(rows: readonly CurateRow[], settings: FilterSettings | FilterConfig = {}, overrides: Overrides = {}): FilterRun {
  const config = resolveFilterConfig(settings);
  const keep = new Set(overrides.keep ?? []);
  const forcedDrop = new Set(overrides.drop ?? []);
  const fired: FilterVerdict[][] = rows.map(() => []);
  const timings: Partial<Record<FilterName, number>> = {};

  // Filter by filter rather than row by row: each loop stays hot, and the timings come for free.
  for (const [name, check] of rowChecks(config)) {
    const t0 = performance.now();
    for (let i = 0; i < rows.length; i++) {
      const v = check(rows[i]!);
      if (v) fired[i]!.push(v);
    }
    timings[name] = performance.now() - t0;
  }
  if (config.duplicate.enabled) {
    const t0 = performance.now();
    // The copy that stays must be a row that stays: not one the user or another filter drops.
    const canRepresent = Uint8Array.from(rows, (r, i) => (keep.has(r.id) || (!forcedDrop.has(r.id) && !fired[i]!.some((v) => v.drop)) ? 1 : 0));
    findDuplicates(rows, canRepresent, config.duplicate).forEach((v, i) => v && fired[i]!.push(v));
    timings.duplicate = performance.now() - t0;
  }

  const counts = Object.fromEntries(FILTER_NAMES.map((n) => [n, { fired: 0, decided: 0 }])) as Record<FilterName, FilterCount>;
  let kept = 0;
  const verdicts = rows.map((row, i): RowVerdict => {
    const list = fired[i]!;
    for (const v of list) if (v.drop) counts[v.filter].fired++;
    const first = list.find((v) => v.drop) ?? null;
    let decidedBy: FilterVerdict | OverrideVerdict | null = first;
    let override: RowVerdict['override'] = null;
    if (keep.has(row.id)) {
      override = 'keep';
      decidedBy = { drop: false, filter: 'override', reason: 'kept by hand' };
    } else if (forcedDrop.has(row.id)) {
      override = 'drop';
      decidedBy = { drop: true, filter: 'override', reason: 'dropped by hand' };
    } else if (first) counts[first.filter].decided++;
    const drop = decidedBy?.drop ?? false;
    if (!drop) kept++;
    return { rowId: row.id, drop, decidedBy, fired: list, override };
  });
  return { rows: verdicts, counts, kept, dropped: rows.length - kept, timings };
}
