import { describe, expect, it } from 'vitest';
import type { LeakageRow } from './leakage.ts';
import { checkLeakage } from './leakage.ts';
import { exactJaccard, mulberry32, randomWords } from './test-data.ts';

let nextTrace = 1000;
function row(rowId: string, prompt: string, extra: Partial<LeakageRow> = {}): LeakageRow {
  return { rowId, sourceTraceId: nextTrace++, conversationId: null, messages: [{ role: 'user', content: prompt }], ...extra };
}

const LONG = 'please summarise the quarterly revenue report for the northern region and list the three biggest risks you see';

describe('checkLeakage', () => {
  const evalRows = [
    row('e1', 'What is the capital of France?', { sourceTraceId: 1, conversationId: 'conv-a' }),
    row('e2', 'Translate "good morning" into German.', { sourceTraceId: 2 }),
    row('e3', LONG, { sourceTraceId: 3 }),
    row('e4', '', { sourceTraceId: 4, messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'a.png' } }] }] }),
  ];

  it('applies the rules in precedence order and names the matching eval row', () => {
    const candidates = [
      // Same trace and same conversation: reported as exact, the stronger rule.
      row('c1', 'anything', { sourceTraceId: 1, conversationId: 'conv-a' }),
      row('c2', 'a later turn', { conversationId: 'conv-a' }),
      row('c3', 'TRANSLATE  good morning into german', { messages: [{ role: 'system', content: 'other system prompt' }, { role: 'user', content: 'TRANSLATE  good morning into german' }] }),
      row('c4', LONG.replace('three', 'two')),
      row('c5', 'Write a haiku about autumn leaves falling on a quiet pond'),
      row('c6', '', { messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'b.png' } }] }] }),
      row('c7', 'unrelated', { conversationId: null }),
    ];
    const report = checkLeakage(evalRows, candidates);
    const byRow = Object.fromEntries(report.excluded.map((e) => [e.row.rowId, [e.rule, e.evalRowId]]));
    expect(byRow).toEqual({ c1: ['exact', 'e1'], c2: ['conversation', 'e1'], c3: ['normalized', 'e2'], c4: ['near', 'e3'] });
    expect(report.kept.map((r) => r.rowId)).toEqual(['c5', 'c6', 'c7']);
    expect(report.counts).toEqual({ exact: 1, conversation: 1, normalized: 1, near: 1 });
    const near = report.excluded.find((e) => e.rule === 'near');
    expect(near?.similarity).toBeGreaterThanOrEqual(0.8);
    expect(report.excluded.find((e) => e.rule === 'exact')?.similarity).toBeNull();
    expect(report.overlapShare).toBeCloseTo(4 / 7);
    expect(report.warning).toMatch(/4 of 7 candidate rows \(57\.1%\).*too narrow/);
    expect(report.refused).toBe(false);
    for (const ms of Object.values(report.elapsedMs)) expect(ms).toBeGreaterThanOrEqual(0);
    expect(report.near).toMatchObject({ threshold: 0.8, numHashes: 128, shingleSize: 5, bands: 18, rows: 7, cappedCandidates: 0 });
  });

  it('lets the near threshold be raised so a near-duplicate is kept', () => {
    const report = checkLeakage(evalRows, [row('c4', LONG.replace('three', 'two'))], { threshold: 0.99 });
    expect(report.kept).toHaveLength(1);
  });

  it('warns only above a quarter, and refuses when every candidate leaks', () => {
    const quarter = [row('x1', 'What is the capital of France'), row('x2', 'k1'), row('x3', 'k2'), row('x4', 'k3')];
    const ok = checkLeakage(evalRows, quarter);
    expect(ok.overlapShare).toBe(0.25);
    expect(ok.warning).toBeNull();
    const all = checkLeakage(evalRows, [row('y1', 'what is the capital of france')]);
    expect(all.refused).toBe(true);
    expect(all.warning).toMatch(/training set would be empty/);
    const none = checkLeakage(evalRows, []);
    expect(none).toMatchObject({ candidates: 0, overlapShare: 0, refused: false, warning: null });
  });

  it('finds planted near-duplicates and leaves dissimilar prompts alone', () => {
    const random = mulberry32(7);
    const evals: LeakageRow[] = [];
    const candidates: LeakageRow[] = [];
    const expectLeak = new Set<string>();
    const expectKeep = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const words = randomWords(random, 30 + Math.floor(random() * 40));
      evals.push(row(`e${i}`, words.join(' ')));
      // Change a few words (similar) or many (dissimilar), then sort each pair by its exact Jaccard.
      const share = i % 2 === 0 ? 0.03 : 0.5;
      const variant = words.map((w) => (random() < share ? (randomWords(random, 1)[0] as string) : w)).join(' ');
      const exact = exactJaccard(words.join(' '), variant);
      const id = `c${i}`;
      candidates.push(row(id, variant));
      if (exact >= 0.88) expectLeak.add(id);
      if (exact <= 0.7) expectKeep.add(id);
    }
    expect(expectLeak.size).toBeGreaterThan(100);
    expect(expectKeep.size).toBeGreaterThan(100);
    const report = checkLeakage(evals, candidates);
    const leaked = new Set(report.excluded.map((e) => e.row.rowId as string));
    const missed = [...expectLeak].filter((id) => !leaked.has(id));
    const wrong = [...expectKeep].filter((id) => leaked.has(id));
    expect(missed.length).toBeLessThanOrEqual(2);
    expect(wrong).toEqual([]);
    for (const e of report.excluded) expect(e.evalRowId).toBe(`e${(e.row.rowId as string).slice(1)}`);
  });

  it('does not match rows whose conversationId is null to each other', () => {
    const report = checkLeakage([row('e', 'alpha beta gamma delta')], [row('c', 'completely different words here')]);
    expect(report.kept).toHaveLength(1);
  });
});
