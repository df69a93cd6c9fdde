// Wording of clustering figures.
import { describe, expect, it } from 'vitest';
import { embedderLabel, formatScore, plural, runOptionLabel, formatShare, granularityLabel, keywordsBeyondName } from './cluster-format.ts';

describe('cluster wording', () => {
  it('writes shares honestly', () => {
    expect(formatShare(0.062)).toBe('6.2 %');
    expect(formatShare(0)).toBe('0 %');
    expect(formatShare(0.0004)).toBe('< 0.1 %');
    expect(formatShare(0.25)).toBe('25 %');
    expect(formatShare(0.9996)).toBe('> 99.9 %');
    expect(formatShare(0.997)).toBe('99.7 %');
    expect(formatShare(1)).toBe('100 %');
    expect(formatShare(Number.NaN)).toBe('0 %');
  });

  it('formats scores and embedders', () => {
    expect(formatScore(0.8312)).toBe('0.83');
    expect(embedderLabel('builtin')).toBe('Built-in (offline)');
    expect(embedderLabel('openai:text-embedding-3-small')).toBe('OpenAI-compatible · text-embedding-3-small');
    expect(embedderLabel('openai:http://127.0.0.1:46039/v1#nomic-embed-text')).toBe('OpenAI-compatible · nomic-embed-text');
    expect(embedderLabel('openai:http://127.0.0.1:46039/v1')).toBe('OpenAI-compatible');
    expect(embedderLabel('builtin-lexical-v1')).toBe('Built-in (offline)');
    expect(embedderLabel('other')).toBe('other');
  });

  it('names granularity steps', () => {
    expect(granularityLabel(0)).toBe('Default');
    expect(granularityLabel(-1)).toBe('Much coarser');
    expect(granularityLabel(0.5)).toBe('Finer');
    expect(granularityLabel(-0.25)).toBe('Slightly coarser');
  });

  it('counts in words', () => {
    expect(plural(1, 'cluster')).toBe('1 cluster');
    expect(plural(1204, 'row')).toBe('1,204 rows');
    expect(plural(0, 'group')).toBe('0 groups');
  });

  it('names a run in the picker briefly', () => {
    const run = { id: 3, createdAt: 0, embedder: 'builtin', params: {}, rows: 1200, clusters: 14, topLevel: 4, outliers: 12, outlierShare: 0.01, namedBy: null };
    expect(runOptionLabel(run, '11-21 10:12')).toBe('#3 · 11-21 10:12 · 14 clusters');
  });

  it('lists only the keywords a name does not already show', () => {
    expect(keywordsBeyondName('refund · order', ['refund', 'order', 'broken', 'charged twice'])).toEqual(['broken', 'charged twice']);
    expect(keywordsBeyondName('Customer refunds', ['refund', 'Customer'])).toEqual([]);
  });
});
