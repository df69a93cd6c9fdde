import { describe, expect, it } from 'vitest';
import { row } from '../../../../../../tests/support/curate-rows.ts';
import { checkCluster } from './cluster-filter.ts';

const targets = new Set(['c1', 'c2']);
const opts = { clusterIds: ['c1', 'c2'], minMembershipScore: 0.6 };

describe('cluster filter', () => {
  it('drops rows outside the target clusters or below the membership score', () => {
    expect(checkCluster(row({ clusterId: 'c9', membershipScore: 0.9 }), opts, targets)?.reason).toBe('row is in cluster c9, outside the target (c1, c2)');
    expect(checkCluster(row({ clusterId: null }), opts, targets)?.reason).toBe('row is in no cluster');
    expect(checkCluster(row({ clusterId: 'c1', membershipScore: 0.59 }), opts, targets)?.reason).toBe('membership score 0.59 is below 0.60');
  });
  it('keeps members at or above the score, and checks only the score when no cluster is targeted', () => {
    expect(checkCluster(row({ clusterId: 'c2', membershipScore: 0.6 }), opts, targets)).toBeNull();
    expect(checkCluster(row({ clusterId: 'c9', membershipScore: 0.7 }), { clusterIds: null, minMembershipScore: 0.6 }, null)).toBeNull();
    expect(checkCluster(row({ clusterId: 'c9', membershipScore: null }), { clusterIds: null, minMembershipScore: null }, null)).toBeNull();
  });
});
