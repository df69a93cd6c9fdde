// The cluster repository over a real SQLite store: figures per cluster and group, one cluster read alone,
// member pages, renames, edits written back, rows placed after a run.
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../tests/support/temp-dir.ts';
import { openDatabase } from '../platform/db/connection.ts';
import { ClusterRepository, type NewCluster } from './cluster-repository.ts';

/** Twelve one-turn traces, rows 1 to 12: only their ids matter here. */
function storeRows(db: Database): void {
  db.prepare("INSERT INTO import_files (id, path, file_format, size, status, imported_at) VALUES (1, 'a.jsonl', 'jsonl', 0, 'complete', 0)").run();
  const trace = db.prepare(`INSERT INTO traces (id, file_id, line, hash_key, format, conversation_id, row_count, notices, prompt_preview, response_preview)
    VALUES (?, 1, ?, ?, 'openai-chat', ?, 1, 0, '', '')`);
  const raw = db.prepare('INSERT INTO trace_raw (id, raw) VALUES (?, ?)');
  const row = db.prepare('INSERT INTO rows (id, trace_id, turn_index, prompt_end, response_index) VALUES (?, ?, 0, 1, 1)');
  for (let id = 1; id <= 12; id++) {
    trace.run(id, id, id, `c${id}`);
    raw.run(id, '{}');
    row.run(id, id);
  }
}

const group = (key: string): NewCluster => ({ key, parentKey: null, level: 'group', keywordName: key, keywords: [], representatives: [], centroid: null, calibration: null });
const fine = (key: string, parentKey: string): NewCluster => ({
  key,
  parentKey,
  level: 'cluster',
  keywordName: key,
  keywords: [key],
  representatives: [],
  centroid: Float32Array.of(1, 0),
  calibration: { mean: 0.5 },
});

// Rows 1-4 in c1, 5-7 in c2 (both in group g1), 8-9 in c3 (group g2), row 10 an outlier; 11 and 12 come later.
const MEMBERS: [rowId: number, cluster: string | null, score: number][] = [
  [1, 'c1', 0.9], [2, 'c1', 0.3], [3, 'c1', 0.8], [4, 'c1', 0.45],
  [5, 'c2', 0.7], [6, 'c2', 0.2], [7, 'c2', 0.95],
  [8, 'c3', 0.6], [9, 'c3', 0.55],
  [10, null, 0.1],
];

describe('ClusterRepository', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let db: Database;
  let repo: ClusterRepository;
  let runId: number;
  let id: Record<string, number>;

  beforeEach(() => {
    dir = makeTempDir();
    db = openDatabase(join(dir.path, 'winnow.sqlite'));
    storeRows(db);
    repo = new ClusterRepository(db);
    runId = repo.saveRun(
      {
        embedder: 'test',
        params: { textMode: 'last-user' },
        embedderState: null,
        outlierZ: 2,
        dims: 2,
        clusters: [group('g1'), group('g2'), fine('c1', 'g1'), fine('c2', 'g1'), fine('c3', 'g2')],
        members: MEMBERS.map(([rowId, cluster, score]) => ({ rowId, clusterKey: cluster, nearestKey: cluster ?? 'c3', score, x: rowId, y: -rowId })),
      },
      1000,
    );
    id = Object.fromEntries(repo.clusters(runId).map((c) => [c.keywordName, c.id]));
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  it('gives each cluster and group its size, share, mean score and borderline count', () => {
    const byName = Object.fromEntries(repo.clusters(runId).map((c) => [c.keywordName, c]));
    // By hand from MEMBERS: 10 members, borderline below 0.5; a group's figures are its children's together.
    expect(byName.c1).toMatchObject({ size: 4, share: 0.4, borderline: 2, parentId: id.g1 });
    expect(byName.c1!.meanScore).toBeCloseTo(2.45 / 4, 6);
    expect(byName.c2).toMatchObject({ size: 3, share: 0.3, borderline: 1 });
    expect(byName.c2!.meanScore).toBeCloseTo(1.85 / 3, 6);
    expect(byName.c3).toMatchObject({ size: 2, share: 0.2, borderline: 0 });
    expect(byName.g1).toMatchObject({ size: 7, share: 0.7, borderline: 3, parentId: null });
    expect(byName.g1!.meanScore).toBeCloseTo(4.3 / 7, 6);
    expect(byName.g2).toMatchObject({ size: 2, borderline: 0 });
    expect(byName.g2!.meanScore).toBeCloseTo(1.15 / 2, 6);
  });

  it('reads one cluster or group alone with the same figures the whole list gives it', () => {
    for (const listed of repo.clusters(runId)) {
      const alone = repo.cluster(listed.id)!;
      expect({ ...alone, meanScore: 0, share: 0 }).toEqual({ ...listed, meanScore: 0, share: 0 });
      expect(alone.meanScore).toBeCloseTo(listed.meanScore, 9);
      expect(alone.share).toBeCloseTo(listed.share, 9);
    }
    expect(repo.cluster(9999)).toBeUndefined();
  });

  it('renames a cluster and returns it; a missing cluster is not renamed', () => {
    const renamed = repo.rename(id.c2!, 'Refunds')!;
    expect(renamed).toMatchObject({ id: id.c2, name: 'Refunds', namedBy: 'user', keywordName: 'c2', size: 3 });
    expect(repo.clusters(runId).find((c) => c.id === id.c2)?.name).toBe('Refunds');
    expect(repo.rename(9999, 'Nothing')).toBeUndefined();
  });

  it('pages members by row id, lowest or highest score first, for a cluster, a group or the outliers', () => {
    const borderline = repo.members(runId, id.c1!, 'score-asc', null, 3);
    expect(borderline.total).toBe(4);
    expect(borderline.items.map((m) => m.rowId)).toEqual([2, 4, 3]);
    const next = repo.members(runId, id.c1!, 'score-asc', { score: 0.8, rowId: 3 }, 3);
    expect(next.items).toEqual([{ rowId: 1, clusterId: id.c1, score: expect.closeTo(0.9, 6) }]);
    // Highest first across a group, paged: 7 (0.95), 1 (0.9), 3 (0.8) | 5 (0.7), 4 (0.45), 2 (0.3) | 6 (0.2).
    const top = repo.members(runId, id.g1!, 'score-desc', null, 3);
    expect(top.items.map((m) => m.rowId)).toEqual([7, 1, 3]);
    const last = top.items[2]!;
    const more = repo.members(runId, id.g1!, 'score-desc', { score: last.score, rowId: last.rowId }, 3);
    expect(more.items.map((m) => m.rowId)).toEqual([5, 4, 2]);
    expect(repo.members(runId, id.g1!, 'row', { score: 0, rowId: 4 }, 10).items.map((m) => m.rowId)).toEqual([5, 6, 7]);
    expect(repo.members(runId, id.g1!, 'row', null, 10).total).toBe(7);
    expect(repo.members(runId, null, 'row', null, 10).items).toEqual([{ rowId: 10, clusterId: null, score: expect.closeTo(0.1, 6) }]);
  });

  it("says where rows sit: a member's cluster, an outlier's nearest cluster, nothing for rows the run lacks", () => {
    repo.rename(id.c3!, 'Refunds');
    const places = repo.rowClusters([1, 2, 10, 11]);
    expect(places.get(1)).toEqual({ runId, clusterId: id.c1, nearestId: id.c1, name: 'c1', score: expect.closeTo(0.9, 6), outlier: false, borderline: false });
    expect(places.get(2)).toMatchObject({ clusterId: id.c1, borderline: true });
    expect(places.get(10)).toEqual({ runId, clusterId: null, nearestId: id.c3, name: 'Refunds', score: expect.closeTo(0.1, 6), outlier: true, borderline: false });
    expect(places.has(11)).toBe(false);
    expect(repo.rowClusters([1], runId + 1).size).toBe(0);
  });

  it('writes an edit back: a merge retires a cluster, a new cluster takes rows, every member moves', () => {
    const kept = repo.model(runId)!.clusters.find((c) => c.id === id.c1)!;
    expect(kept.parentId).toBe(id.g1);
    const created = repo.saveEdit(runId, {
      clusters: [
        { id: id.c1!, stored: true, parentId: id.g1!, keywordName: 'merged', keywords: ['merged'], representatives: [], centroid: kept.centroid, calibration: { mean: 0.6 } },
        { id: 1_000, stored: false, parentId: id.g2!, keywordName: 'new', keywords: ['new'], representatives: [], centroid: Float32Array.of(0, 1), calibration: { mean: 0.4 } },
      ],
      retired: [id.c2!],
      mergedInto: id.c1!,
      members: MEMBERS.map(([rowId, , score]) => ({ rowId, label: rowId <= 7 ? id.c1! : rowId === 8 ? 1_000 : rowId === 9 ? id.c3! : -1, nearest: id.c1!, score })),
    });
    expect(created).toHaveLength(1);
    expect(repo.cluster(id.c2!)).toBeUndefined();
    expect(repo.rename(id.c2!, 'gone')).toBeUndefined();
    expect(repo.cluster(id.c1!)).toMatchObject({ size: 7, keywordName: 'merged', name: 'merged' });
    expect(repo.cluster(created[0]!)).toMatchObject({ size: 1, parentId: id.g2, level: 'cluster' });
    expect(repo.membershipsOf(runId).get(8)).toEqual({ clusterId: created[0], nearestId: id.c1, score: expect.closeTo(0.6, 6) });
    expect(repo.membershipsOf(runId).get(10)).toMatchObject({ clusterId: null });
    expect(repo.clusters(runId).map((c) => c.id)).not.toContain(id.c2);
  });

  it('places rows imported after the run and finds the newest run of a row', () => {
    expect(repo.unassignedRowIds(runId)).toEqual([11, 12]);
    // c3's members sit at (8, -8) and (9, -9).
    expect(repo.mapCentres(runId).get(id.c3!)).toEqual({ x: 8.5, y: -8.5 });
    repo.addMembers(runId, [{ rowId: 11, clusterId: id.c3!, nearestId: id.c3!, score: 0.5, x: 8, y: -8 }]);
    expect(repo.unassignedRowIds(runId)).toEqual([12]);
    expect(repo.latestRunOfRow(11)).toBe(runId);
    expect(repo.latestRunOfRow(12)).toBeNull();
    expect(repo.cluster(id.c3!)!.size).toBe(3);
  });
});
