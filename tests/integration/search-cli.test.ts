// `winnow traces --search`, `--where metadata.KEY=V`, `--where cluster=ID`, `facets --json` with metadata keys,
// and the stated filter limits, as a user runs them: real processes over a temp data folder.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../support/intent-corpus.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { repoRoot } from '../support/shared-data.ts';

function winnow(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(repoRoot, 'src/main/cli/winnow.ts'), ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Listing {
  total: number;
  items: { id: number; line: number; prompt: string }[];
}

describe('winnow CLI: search, metadata and cluster filters', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let data: string;
  beforeAll(() => {
    dir = makeTempDir();
    data = join(dir.path, 'data');
    const corpus = join(dir.path, 'corpus.jsonl');
    writeCorpus(corpus, 0, 20);
    // One conversation mentions "quokka" in its 25th message only.
    const messages = Array.from({ length: 30 }, (_, i) => ({ role: i % 2 === 0 ? 'user' : 'assistant', content: i === 24 ? 'a quokka smiled' : `turn ${i}` }));
    writeFileSync(join(dir.path, 'long.jsonl'), `${JSON.stringify({ messages, metadata: { agent_model: 'gpt-4o', team: 'zoo' } })}\n`);
    const r = winnow('--data', data, 'import', corpus, join(dir.path, 'long.jsonl'), '--json');
    expect(r.status, r.stderr).toBe(0);
  }, 120_000);
  afterAll(() => dir.remove());

  it('searches every message, filters by metadata keys, and lists metadata keys as facets', () => {
    const found = winnow('--data', data, 'traces', '--json', '--search', 'quokka');
    expect(found.status, found.stderr).toBe(0);
    const listing = JSON.parse(found.stdout) as Listing;
    expect(listing.total).toBe(1);
    expect(listing.items[0]!.prompt).not.toContain('quokka');

    const refunds = JSON.parse(winnow('--data', data, 'traces', '--json', '--where', 'metadata.intent=refund', '--where', 'metadata.intent=sql').stdout) as Listing;
    expect(refunds.total).toBe(40);

    const facets = winnow('--data', data, 'facets', '--json', '--where', 'model=gpt-4o');
    expect(facets.status, facets.stderr).toBe(0);
    const doc = JSON.parse(facets.stdout) as { total: number; facets: Record<string, { value: string | null; count: number }[]>; distinct: Record<string, number> };
    expect(doc.total).toBe(1);
    expect(doc.facets['metadata.team']).toEqual([{ value: 'zoo', count: 1 }]);
    expect(doc.facets['metadata.intent']).toEqual([]);
    expect(doc.distinct['metadata.intent']).toBe(4);
    expect(doc.facets.model).toEqual(expect.arrayContaining([{ value: 'gpt-4o', count: 1 }]));
  }, 120_000);

  it('filters by cluster and by outlier after a clustering run', () => {
    const run = winnow('--data', data, 'cluster', '--json');
    expect(run.status, run.stderr).toBe(0);
    const shown = JSON.parse(winnow('--data', data, 'clusters', '--json', '--members').stdout) as {
      clusters: { id: number; level: string; members?: { trace: number }[] }[];
    };
    const leaf = shown.clusters.find((c) => c.level === 'cluster' && (c.members?.length ?? 0) > 0)!;
    const traces = [...new Set(leaf.members!.map((m) => m.trace))].sort((a, b) => a - b);
    const members = JSON.parse(winnow('--data', data, 'traces', '--json', '--limit', '1000', '--where', `cluster=${leaf.id}`).stdout) as Listing;
    expect(members.items.map((t) => t.id)).toEqual(traces);
    const outliers = JSON.parse(winnow('--data', data, 'traces', '--json', '--where', 'outlier=true').stdout) as Listing;
    const rest = JSON.parse(winnow('--data', data, 'traces', '--json', '--where', 'outlier=false').stdout) as Listing;
    expect(outliers.total + rest.total).toBe(81);
  }, 180_000);

  it('refuses a filter past its stated maximum, naming the limit', () => {
    const many = Array.from({ length: 1001 }, (_, i) => ['--where', `model=m${i}`]).flat();
    const r = winnow('--data', data, 'traces', '--json', ...many);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/at most 1,000 values per facet/);
    const keys = Array.from({ length: 65 }, (_, i) => ['--where', `metadata.k${i}=v`]).flat();
    const k = winnow('--data', data, 'facets', '--json', ...keys);
    expect(k.status).toBe(2);
    expect(k.stderr).toMatch(/at most 64/);
    const bad = winnow('--data', data, 'traces', '--where', 'outlier=maybe');
    expect(bad.status).toBe(2);
  }, 120_000);
});
