// The dataset and export CLI commands as a user runs them: real processes over a temp data folder.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../support/intent-corpus.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { repoRoot } from '../support/shared-data.ts';

describe('winnow dataset CLI', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let data: string;

  function winnow(...args: string[]): { status: number | null; stdout: string; stderr: string } {
    const r = spawnSync(process.execPath, [join(repoRoot, 'src/main/cli/winnow.ts'), '--data', data, ...args], { encoding: 'utf8' });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  function json<T>(...args: string[]): T {
    const r = winnow(...args, '--json');
    if (r.status !== 0) throw new Error(`winnow ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    return JSON.parse(r.stdout) as T;
  }

  let clusterId = 0;
  beforeAll(() => {
    dir = makeTempDir();
    data = join(dir.path, 'data');
    writeCorpus(join(dir.path, 'corpus.jsonl'), 0, 25);
    json('import', join(dir.path, 'corpus.jsonl'));
    const run = json<{ clusters: { id: number; size: number; level: string }[] }>('cluster');
    clusterId = run.clusters.filter((c) => c.level === 'cluster').sort((a, b) => b.size - a.size)[0]!.id;
  }, 120_000);
  afterAll(() => dir.remove());

  it('documents the dataset commands in --help', () => {
    const help = winnow('--help').stdout;
    for (const text of ['dataset create NAME', '--from-cluster ID', '--rows IDS', '--trace IDS', '--exclude EVAL@vN', 'dataset add NAME', 'dataset freeze NAME', 'dataset diff', 'dataset split', 'export NAME@vN', '--format F']) {
      expect(help).toContain(text);
    }
  });

  it('creates an eval set from a cluster, freezes it, and guards a training set against it', () => {
    const created = json<Record<string, unknown>>('dataset', 'create', 'support-eval', '--kind', 'eval', '--from-cluster', String(clusterId));
    expect(created).toMatchObject({ dataset: 'support-eval', excluded: { exact: 0, normalized: 0, near: 0, conversation: 0 }, overlap: 0, warning: null });
    const evalRows = created['draftRows'] as number;
    expect(evalRows).toBeGreaterThan(5);
    const frozen = json<Record<string, unknown>>('dataset', 'freeze', 'support-eval');
    expect(frozen).toEqual({ dataset: 'support-eval', version: 'v1', rows: evalRows, hash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/), warnings: [] });

    const training = json<{ dataset: string; draftRows: number; excluded: Record<string, number>; overlap: number; warning: string | null }>(
      'dataset', 'create', 'support-train', '--kind', 'training', '--where', 'format=prompt-response', '--exclude', 'support-eval@v1',
    );
    expect(training.excluded['exact']).toBe(evalRows);
    expect(training.draftRows).toBe(100 - evalRows);
    expect(training.overlap).toBeCloseTo(evalRows / 100);

    const refused = winnow('dataset', 'create', 'all-leak', '--kind', 'training', '--from-cluster', String(clusterId), '--exclude', 'support-eval@v1', '--json');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/training set would be empty/);
    expect(json<{ name: string }[]>('dataset', 'list').map((d) => d.name).sort()).toEqual(['support-eval', 'support-train']);
  }, 240_000);

  it('adds a trace, freezes, diffs, splits and exports byte-identically', () => {
    const v1 = json<{ version: string; rows: number; warnings: string[] }>('dataset', 'freeze', 'support-train');
    expect(v1.version).toBe('v1');
    // All four unrelated intents went in, so the spread guardrail speaks too.
    expect(v1.warnings).toEqual([expect.stringMatching(/only \d+ rows/), expect.stringMatching(/clusters in [3-9] unrelated groups/), expect.stringMatching(/no curation/)]);
    const eval1 = json<{ versions: { label: string }[] }>('dataset', 'show', 'support-eval@v1');
    expect(eval1.versions.map((v) => v.label)).toEqual(['v1']);

    // Every imported trace is already in the training set or in the eval set it excludes.
    const traces = json<{ items: { id: number }[] }>('traces', '--limit', '1');
    const added = json<{ added: number; draftRows: number; leftOut: { leaked: number; duplicate: number } }>('dataset', 'add', 'support-train', '--trace', String(traces.items[0]!.id));
    expect(added.added).toBe(0);
    expect(added.leftOut.leaked + added.leftOut.duplicate).toBe(1);
    expect(added.draftRows).toBe(v1.rows);

    const evalDraft = json<{ added: number }>('dataset', 'add', 'support-eval', '--where', 'text=weather');
    expect(evalDraft.added).toBeGreaterThan(0);
    json('dataset', 'freeze', 'support-eval');
    const diff = json<{ from: string; to: string; counts: { added: number; removed: number; changed: number }; added: number[] }>('dataset', 'diff', 'support-eval@v1', 'support-eval@v2');
    expect(diff).toMatchObject({ from: 'v1', to: 'v2', counts: { added: evalDraft.added, removed: 0, changed: 0 } });
    expect(diff.added).toHaveLength(evalDraft.added);

    const split = json<{ version: string; seed: number; rows: { train: number; validation: number; test: number } }>(
      'dataset', 'split', 'support-train@v1', '--test', '0.2', '--validation', '0.1', '--seed', '1',
    );
    expect(split).toMatchObject({ version: 'v1', seed: 1 });
    expect(split.rows.train + split.rows.validation + split.rows.test).toBe(v1.rows);
    expect(split.rows.test).toBeGreaterThan(0);

    const outs = ['a', 'b'].map((n) => join(dir.path, `export-${n}`));
    for (const out of outs) {
      const result = json<{ files: string[]; rows: number; sha256: string }>('export', 'support-train@v1', '--format', 'openai', '--out', out);
      expect(result.files).toEqual(['manifest.json', 'test.jsonl', 'train.jsonl', 'validation.jsonl']);
      expect(result.rows).toBe(v1.rows);
    }
    for (const f of readdirSync(outs[0]!)) expect(readFileSync(join(outs[1]!, f)).equals(readFileSync(join(outs[0]!, f))), f).toBe(true);
    const manifest = JSON.parse(readFileSync(join(outs[0]!, 'manifest.json'), 'utf8')) as { dataset: string; version: string; kind: string; rows_per_split: Record<string, number> };
    expect(manifest).toMatchObject({ dataset: 'support-train', version: 'v1', kind: 'training', rows_per_split: split.rows });

    const hf = json<{ files: string[] }>('export', 'support-eval@v2', '--format', 'hf', '--out', join(dir.path, 'hf'));
    expect(hf.files).toEqual(['README.md', 'data/train-00000-of-00001.parquet', 'manifest.json']);
    const bad = winnow('export', 'support-eval', '--format', 'csv', '--out', join(dir.path, 'x'));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/name the version/);
    const draft = winnow('export', 'support-train@draft', '--format', 'csv', '--out', join(dir.path, 'draft'), '--json');
    expect(draft.status).toBe(0);
    expect(draft.stderr).toMatch(/warning: exported from the unfrozen draft/);
  }, 240_000); // about fifteen CLI processes in a row: slow on a loaded two-core machine

  it('creates datasets from hand-picked cluster members, picked rows and picked traces', () => {
    const listed = json<{ clusters: { id: number; members?: { row: number; trace: number }[] }[] }>('clusters', '--members');
    const members = listed.clusters.find((c) => c.id === clusterId)!.members!;
    const other = listed.clusters.find((c) => c.id !== clusterId && (c.members?.length ?? 0) > 0)!.members![0]!;
    const picked = members.slice(0, 3).map((m) => m.row);

    const fromCluster = json<{ draftRows: number }>('dataset', 'create', 'picked-members', '--kind', 'eval', '--from-cluster', String(clusterId), '--rows', picked.join(','));
    expect(fromCluster.draftRows).toBe(3);
    const shown = json<{ versions: { recipe: { sources?: { pick?: string }[] } }[] }>('dataset', 'show', 'picked-members');
    expect(JSON.stringify(shown.versions[0]!.recipe)).toContain('"pick":"picked"');

    const outside = winnow('dataset', 'create', 'not-members', '--kind', 'eval', '--from-cluster', String(clusterId), '--rows', `${picked[0]},${other.row}`);
    expect(outside.status).toBe(1);
    expect(outside.stderr).toContain(`rows ${other.row} are not in cluster ${clusterId}`);
    const noRows = winnow('dataset', 'create', 'no-rows', '--kind', 'eval', '--from-cluster', String(clusterId), '--pick', 'picked');
    expect(noRows.status).toBe(2);
    expect(noRows.stderr).toMatch(/--pick picked needs the members/);

    const rows = json<{ draftRows: number }>('dataset', 'create', 'picked-rows', '--kind', 'eval', '--rows', `${picked[0]}, ${other.row}`);
    expect(rows.draftRows).toBe(2);
    const traces = [members[0]!.trace, members[1]!.trace, other.trace];
    const byTrace = json<{ draftRows: number }>('dataset', 'create', 'picked-traces', '--kind', 'eval', '--trace', traces.join(','));
    expect(byTrace.draftRows).toBe(3);
    const added = json<{ added: number; draftRows: number }>('dataset', 'add', 'picked-traces', '--trace', String(members[2]!.trace));
    expect(added).toMatchObject({ added: 1, draftRows: 4 });
    expect(winnow('dataset', 'list').stdout).not.toContain('not-members');
  }, 240_000);
});
