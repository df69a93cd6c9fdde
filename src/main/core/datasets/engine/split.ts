// Owns: the deterministic train/validation/test split of a version's rows: grouped by conversation, stratified by
// cluster, from a seed.
// Imports: engine types, murmur (seeded key hash).

import type { RowId, Split } from './types.ts';
import { hashString } from '../../platform/murmur.ts';

export interface SplitFractions {
  train: number;
  validation?: number;
  test: number;
}

export interface SplitRow {
  rowId: RowId;
  conversationId: string | null;
  clusterId: number | null;
}

export interface SplitResult {
  /** The split of each input row, in input order. */
  splits: Split[];
  rows: Record<Split, number>;
  groups: Record<Split, number>;
  /** A cluster with at least this many groups gets at least one group in every split: ceil(1 / smallest fraction). */
  usefulSize: number;
  /** Clusters with fewer groups than that (null = rows without a cluster); they may be missing from some split. */
  smallClusters: (number | null)[];
}

interface Group {
  /** Tie-break for equal hashes: the conversation id or the row id as text. */
  key: string;
  order: number;
  size: number;
  cluster: number | null;
  /** Rows per cluster, kept only once a group has met a second cluster. */
  votes: Map<number | null, number> | null;
  split: Split;
}

const SPLITS: readonly Split[] = ['train', 'validation', 'test'];

/**
 * Rows of one conversation form one group and never straddle splits; a row without a conversation is its own
 * group. Each group joins the stratum of its most frequent cluster. Strata are walked in cluster order, groups
 * within a stratum in the order of a hash of (seed, group key), and each group goes to the split furthest below
 * its target row count so far. That running target keeps every stratum, and the whole, within about one group of
 * the requested proportions; in a stratum of useful size, a split still empty is given the group when the
 * stratum has no groups to spare. Input order does not matter: the same rows and seed give the same split.
 */
export function splitRows(rows: readonly SplitRow[], fractions: SplitFractions, seed: number): SplitResult {
  const active = activeSplits(fractions);
  const fraction = (s: Split): number => (s === 'validation' ? (fractions.validation ?? 0) : fractions[s]);
  const usefulSize = Math.ceil(1 / Math.min(...active.map(fraction)) - 1e-9);

  const rowCount: Record<Split, number> = { train: 0, validation: 0, test: 0 };
  const groupCount: Record<Split, number> = { train: 0, validation: 0, test: 0 };
  const smallClusters: (number | null)[] = [];
  const { groupOf, groups } = groupRows(rows, seed);
  let seen = 0;
  for (const [cluster, stratum] of stratify(groups)) {
    const useful = stratum.length >= usefulSize;
    if (!useful) smallClusters.push(cluster);
    const present = new Set<Split>();
    for (let g = 0; g < stratum.length; g++) {
      const group = stratum[g] as Group;
      seen += group.size;
      const mustFill = useful && active.length - present.size >= stratum.length - g;
      let best: Split | null = null;
      for (const s of active) {
        if (mustFill && present.has(s)) continue;
        if (best === null || fraction(s) * seen - rowCount[s] > fraction(best) * seen - rowCount[best]) best = s;
      }
      const chosen = best as Split;
      present.add(chosen);
      rowCount[chosen] += group.size;
      groupCount[chosen]++;
      group.split = chosen;
    }
  }
  const splits = Array.from(groupOf, (g) => (groups[g] as Group).split);
  return { splits, rows: rowCount, groups: groupCount, usefulSize, smallClusters };
}

function activeSplits(fractions: SplitFractions): Split[] {
  const values = [fractions.train, fractions.validation ?? 0, fractions.test];
  if (values.some((v) => !Number.isFinite(v) || v < 0)) throw new RangeError('split fractions must be numbers from 0 to 1');
  if (!(fractions.train > 0 && fractions.test > 0)) throw new RangeError('train and test fractions must both be above 0');
  const sum = values.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > 1e-6) throw new RangeError(`split fractions must add up to 1, not ${sum}`);
  return SPLITS.filter((s) => (s === 'validation' ? (fractions.validation ?? 0) > 0 : true));
}

// Separate seeds for the two kinds of group, so conversation "7" and row id 7 do not share an order.
const CONVERSATION_SALT = 0x2c1b3c6d;
const ROW_SALT = 0x297a2d39;

function groupRows(rows: readonly SplitRow[], seed: number): { groupOf: Int32Array; groups: Group[] } {
  const groupOf = new Int32Array(rows.length);
  const groups: Group[] = [];
  const byConversation = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as SplitRow;
    const conversation = row.conversationId;
    let g = conversation === null ? undefined : byConversation.get(conversation);
    if (g === undefined) {
      g = groups.length;
      const key = conversation ?? String(row.rowId);
      const order = hashString(key, seed ^ (conversation === null ? ROW_SALT : CONVERSATION_SALT));
      groups.push({ key, order, size: 0, cluster: row.clusterId, votes: null, split: 'train' });
      if (conversation !== null) byConversation.set(conversation, g);
    }
    groupOf[i] = g;
    vote(groups[g] as Group, row.clusterId);
  }
  for (const group of groups) if (group.votes) group.cluster = majority(group.votes);
  return { groupOf, groups };
}

function vote(group: Group, cluster: number | null): void {
  group.size++;
  if (!group.votes && cluster === group.cluster) return;
  if (!group.votes) group.votes = new Map([[group.cluster, group.size - 1]]);
  group.votes.set(cluster, (group.votes.get(cluster) ?? 0) + 1);
}

/** The most frequent cluster; ties go to the lowest id, rows without a cluster last. */
function majority(votes: Map<number | null, number>): number | null {
  let best: number | null = null;
  let bestVotes = -1;
  for (const [cluster, n] of votes) {
    if (n > bestVotes || (n === bestVotes && compareClusters(cluster, best) < 0)) {
      best = cluster;
      bestVotes = n;
    }
  }
  return best;
}

function stratify(groups: Group[]): [number | null, Group[]][] {
  const strata = new Map<number | null, Group[]>();
  for (const g of groups) {
    const list = strata.get(g.cluster);
    if (list) list.push(g);
    else strata.set(g.cluster, [g]);
  }
  for (const list of strata.values()) list.sort((a, b) => a.order - b.order || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return [...strata].sort(([a], [b]) => compareClusters(a, b));
}

/** Cluster ids ascending, rows without a cluster last. */
function compareClusters(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}
