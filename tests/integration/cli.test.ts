// The headless CLI as a user runs it: a real process over a temp data folder, JSON documents on stdout.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../support/intent-corpus.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { repoRoot } from '../support/shared-data.ts';

const fixture = join(repoRoot, 'tests/fixtures/import/mixed-quality.jsonl');

function winnow(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(repoRoot, 'src/main/cli/winnow.ts'), ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('winnow CLI', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let data: string;
  beforeAll(() => {
    dir = makeTempDir();
    data = join(dir.path, 'data');
  });
  afterAll(() => dir.remove());

  it('documents every command in --help', () => {
    const r = winnow('--help');
    expect(r.status).toBe(0);
    for (const command of ['import FILE', 'traces', 'facets', 'rejected', 'jobs', 'resume ID', 'cluster', 'clusters', '--members', '--embedder', '--data DIR', '--where F=V', '--multi-turn']) {
      expect(r.stdout).toContain(command);
    }
  });

  it('imports a file and prints one JSON document with per-file counts and errors', () => {
    const r = winnow('--data', data, 'import', fixture, '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0); // rejected lines are reported, not a failure of the import
    const doc = JSON.parse(r.stdout) as {
      files: {
        path: string;
        format: string;
        traces: number;
        rows: number;
        skipped: number;
        errors: { line: number; code: string; message: string }[];
        noticeCodes: Record<string, number>;
        warnings: { line: number; code: string; message: string }[];
      }[];
      traces: number;
      rows: number;
    };
    expect(doc.traces).toBe(4);
    expect(doc.rows).toBe(6);
    expect(doc.files).toHaveLength(1);
    expect(doc.files[0]).toMatchObject({ path: fixture, format: 'openai-chat', traces: 4, rows: 6, skipped: 3 });
    expect(doc.files[0]!.errors.map((e) => [e.line, e.code])).toEqual([
      [4, 'invalid_json'],
      [5, 'messages_not_list'],
    ]);
    expect(doc.files[0]!.errors[0]!.message).toMatch(/mixed-quality\.jsonl:4: /);
    // Lines that imported with a notice are listed the same way, beside their counts per code.
    const file = doc.files[0]!;
    expect(file.noticeCodes).toEqual({ no_assistant_turn: 1 });
    expect(file.warnings.map((w) => [w.line, w.code])).toEqual([[7, 'no_assistant_turn']]);
    expect(file.warnings[0]!.message).toMatch(/mixed-quality\.jsonl:7: no assistant turn/);
  });

  it('lists traces with --where filters and a limit', () => {
    const all = JSON.parse(winnow('--data', data, 'traces', '--json').stdout) as { total: number; items: { model: string | null }[] };
    expect(all.total).toBe(4);
    const prod = JSON.parse(winnow('--data', data, 'traces', '--json', '--where', 'environment=prod', '--limit', '1').stdout) as { total: number; items: unknown[] };
    expect(prod.total).toBe(2);
    expect(prod.items).toHaveLength(1);
    const either = JSON.parse(winnow('--data', data, 'traces', '--json', '--where', 'model=gpt-4o', '--where', 'model=gpt-4o-mini').stdout) as { total: number };
    expect(either.total).toBe(2);
  });

  it('counts facet values', () => {
    const facets = JSON.parse(winnow('--data', data, 'facets', '--json').stdout) as { total: number; facets: Record<string, { value: string | null; count: number }[]> };
    expect(facets.total).toBe(4);
    expect(facets.facets.environment).toContainEqual({ value: 'prod', count: 2 });
    expect(Object.keys(facets.facets)).toEqual(expect.arrayContaining(['environment', 'task', 'provider', 'model', 'status']));
  });

  it('clusters rows and prints every member with its trace, file, line and score', () => {
    const corpus = join(dir.path, 'intents.jsonl');
    writeCorpus(corpus, 0, 20);
    const clusterData = join(dir.path, 'cluster-data');
    expect(winnow('--data', clusterData, 'import', corpus).status).toBe(0);
    const r = winnow('--data', clusterData, 'cluster', '--json');
    expect(r.stderr).toBe('');
    const run = JSON.parse(r.stdout) as { run: number; clusters: { id: number; name: string; size: number; parent: number | null }[]; outliers: number };
    const fine = run.clusters.filter((c) => c.parent !== null);
    expect(fine.length).toBeGreaterThanOrEqual(4);
    expect(fine.reduce((n, c) => n + c.size, 0) + run.outliers).toBe(80);

    const listed = JSON.parse(winnow('--data', clusterData, 'clusters', '--json', '--members').stdout) as {
      clusters: { id: number; level: string; members?: { row: number; trace: number; file: string; line: number; score: number }[] }[];
      outliers: unknown[];
    };
    const members = listed.clusters.flatMap((c) => c.members ?? []);
    expect(members.length + listed.outliers.length).toBe(80);
    expect(members[0]).toEqual({ row: expect.any(Number), trace: expect.any(Number), file: corpus, line: expect.any(Number), score: expect.any(Number) });
    expect(new Set(members.map((m) => m.line)).size).toBe(members.length);
  });

  it('takes a negative number as an option value', () => {
    const corpus = join(dir.path, 'intents-negative.jsonl');
    writeCorpus(corpus, 0, 10);
    const negativeData = join(dir.path, 'negative-data');
    expect(winnow('--data', negativeData, 'import', corpus).status).toBe(0);
    const r = winnow('--data', negativeData, 'cluster', '--granularity', '-0.5', '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const runs = JSON.parse(winnow('--data', negativeData, 'clusters', '--json').stdout) as { run: { params: { granularity: number } } };
    expect(runs.run.params.granularity).toBe(-0.5);
  });

  it('prints trace text inert for the terminal, and streams long listings whole', () => {
    const file = join(dir.path, 'many.jsonl');
    const lines = [JSON.stringify({ prompt: 'retitle \u001b]0;pwned\u0007 me\nplease', response: 'no' })];
    for (let i = 0; i < 2500; i++) lines.push(JSON.stringify({ prompt: `question ${i}`, response: `answer ${i}` }));
    writeFileSync(file, `${lines.join('\n')}\n`);
    const streamData = join(dir.path, 'stream-data');
    expect(winnow('--data', streamData, 'import', file).status).toBe(0);

    const readable = winnow('--data', streamData, 'traces', '--limit', '1');
    expect(readable.stdout).toContain('retitle \\x1b]0;pwned\\x07 me');
    // eslint-disable-next-line no-control-regex -- no raw control character may reach the terminal
    expect(readable.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);

    const listed = JSON.parse(winnow('--data', streamData, 'traces', '--json', '--limit', '2200').stdout) as { total: number; items: { id: number }[] };
    expect(listed.total).toBe(2501);
    expect(listed.items).toHaveLength(2200);
    expect(new Set(listed.items.map((t) => t.id)).size).toBe(2200);
  });

  it('says what is wrong with a bad call, with exit status 2', () => {
    const unknown = winnow('--data', data, 'frobnicate');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    const where = winnow('--data', data, 'traces', '--where', 'colour=red');
    expect(where.status).toBe(2);
    expect(where.stderr).toContain('unknown field "colour"');
  });
});
