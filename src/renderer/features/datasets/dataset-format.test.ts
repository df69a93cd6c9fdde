import { describe, expect, it } from 'vitest';
import { clusterSource, diffSummary, exportFolder, exportOutcome, fieldCounts, formatExpected, parseExpected, parseLabels, rowCountsLine, versionLabel } from './dataset-format.ts';

describe('dataset-format', () => {
  it('labels versions and the draft', () => {
    expect(versionLabel(3)).toBe('v3');
    expect(versionLabel('draft')).toBe('draft');
  });

  it('summarises row counts of frozen and draft versions', () => {
    expect(rowCountsLine({ latestVersion: 2, latestRows: 1200, draftRows: null })).toBe('1,200 in v2');
    expect(rowCountsLine({ latestVersion: 2, latestRows: 12, draftRows: 14 })).toBe('12 in v2 · 14 in draft');
    expect(rowCountsLine({ latestVersion: null, latestRows: null, draftRows: 5 })).toBe('5 in draft');
    expect(rowCountsLine({ latestVersion: null, latestRows: null, draftRows: null })).toBe('empty');
  });

  it('parses comma-separated labels without empties or repeats', () => {
    expect(parseLabels(' refund, ,billing,refund ,  ')).toEqual(['refund', 'billing']);
    expect(parseLabels('')).toEqual([]);
  });

  it('reads expected output as JSON only when it is JSON, and round-trips it', () => {
    expect(parseExpected('{"intent":"refund"}')).toEqual({ intent: 'refund' });
    expect(parseExpected('{not json')).toBe('{not json');
    expect(parseExpected('Sure, here you go')).toBe('Sure, here you go');
    expect(parseExpected('   ')).toBeNull();
    expect(parseExpected(formatExpected({ a: [1, 2] }))).toEqual({ a: [1, 2] });
    expect(formatExpected(null)).toBe('');
  });

  it('builds the cluster source of the promote form and refuses a bad score cut', () => {
    expect(clusterSource(7, 'members', '')).toEqual({ source: { type: 'cluster', clusterId: 7, pick: 'members' } });
    expect(clusterSource(7, 'all', 'x')).toEqual({ source: { type: 'cluster', clusterId: 7, pick: 'all' } });
    expect(clusterSource(7, 'above', '0.6')).toEqual({ source: { type: 'cluster', clusterId: 7, pick: 'above', minScore: 0.6 } });
    expect(clusterSource(7, 'above', '1.5')).toHaveProperty('error');
    expect(clusterSource(7, 'above', '')).toHaveProperty('error');
    expect(clusterSource(7, 'picked', '', [12, 4])).toEqual({ source: { type: 'cluster', clusterId: 7, pick: 'picked', rowIds: [12, 4] } });
    expect(clusterSource(7, 'picked', '', [])).toEqual({ error: 'Tick the members to promote in the list first.' });
  });

  it('summarises a diff and orders changed fields by count', () => {
    const counts = { added: 2, removed: 1, changed: 3, unchanged: 40, byField: { note: 1, labels: 3, response: 0, expectedOutput: 1 } };
    expect(diffSummary(counts)).toBe('2 added · 1 removed · 3 changed · 40 unchanged');
    expect(fieldCounts(counts)).toEqual([
      { field: 'labels', count: 3 },
      { field: 'expectedOutput', count: 1 },
      { field: 'note', count: 1 },
    ]);
  });

  it('names an export folder per dataset, version and format', () => {
    expect(exportFolder('/tmp/out/', 'support evals', 2, 'jsonl')).toBe('/tmp/out/support_evals-v2-jsonl');
    expect(exportFolder('/tmp', 'x', 'draft', 'csv')).toBe('/tmp/x-draft-csv');
  });

  it('reads what a finished export job reports, and nothing else', () => {
    expect(exportOutcome({ rows: 3, files: ['data.jsonl', 'manifest.json'], sha256: 'sha256:ab', dir: '/x' })).toEqual({ rows: 3, files: ['data.jsonl', 'manifest.json'], sha256: 'sha256:ab' });
    expect(exportOutcome(null)).toBeNull();
    expect(exportOutcome({ rows: '3', files: [], sha256: 'sha256:ab' })).toBeNull();
    expect(exportOutcome({ rows: 3, files: [1], sha256: 'sha256:ab' })).toBeNull();
  });
});
