// `cluster`: keeps only rows in the target clusters and, optionally, at or above a membership score.
// Imports: ../curate-row.ts, ../filter-verdict.ts.

import type { CurateRow } from '../curate-row.ts';
import { dropVerdict, type RowVerdictOrNull } from '../filter-verdict.ts';

export interface ClusterOptions {
  /** Rows outside these clusters drop; null keeps every cluster (only the score is checked). */
  clusterIds: readonly string[] | null;
  /** Low membership marks a borderline row; null skips the check. */
  minMembershipScore: number | null;
}

export function checkCluster(row: CurateRow, options: ClusterOptions, targets: ReadonlySet<string> | null): RowVerdictOrNull {
  if (targets) {
    if (row.clusterId === null) return dropVerdict('cluster', 'row is in no cluster');
    if (!targets.has(row.clusterId)) {
      const list = [...targets].slice(0, 3).join(', ') + (targets.size > 3 ? ', ...' : '');
      return dropVerdict('cluster', `row is in cluster ${row.clusterId}, outside the target (${list})`);
    }
  }
  const min = options.minMembershipScore;
  if (min !== null) {
    if (row.membershipScore === null) return dropVerdict('cluster', 'row has no membership score');
    if (row.membershipScore < min) return dropVerdict('cluster', `membership score ${row.membershipScore.toFixed(2)} is below ${min.toFixed(2)}`);
  }
  return null;
}
