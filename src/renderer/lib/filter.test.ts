// The UI filter state and its contract form (toWhere), including leaving one facet out for its own counts.
import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER, activeFacets, isFiltered, toWhere } from './filter.ts';

describe('toWhere', () => {
  it('is empty for the empty filter', () => {
    expect(toWhere(EMPTY_FILTER)).toEqual({});
    expect(isFiltered(EMPTY_FILTER)).toBe(false);
  });

  it('keeps selected facets, trimmed text and whole local days', () => {
    const where = toWhere({ facets: { environment: ['prod'], model: [] }, from: '2026-01-05', to: '2026-01-06', text: '  order ' });
    expect(where).toEqual({
      environment: ['prod'],
      from: new Date(2026, 0, 5).getTime(),
      to: new Date(2026, 0, 7).getTime() - 1,
      search: 'order',
    });
  });

  it('carries metadata keys, clusters and outliers', () => {
    const where = toWhere({ ...EMPTY_FILTER, metadata: { intent: ['refund'], split: [] }, cluster: [4, 9], outlier: false });
    expect(where).toEqual({ metadata: { intent: ['refund'] }, cluster: [4, 9], outlier: false });
    expect(isFiltered({ ...EMPTY_FILTER, metadata: { split: [] } })).toBe(false);
  });

  it('leaves out the facet whose own counts are being asked for', () => {
    const filter = { ...EMPTY_FILTER, facets: { environment: ['prod'], task: ['faq'] } };
    expect(toWhere(filter, 'environment')).toEqual({ task: ['faq'] });
    expect(activeFacets(filter)).toEqual(['environment', 'task']);
  });

  it('ignores a half-typed date', () => {
    expect(toWhere({ ...EMPTY_FILTER, from: '2026-01' })).toEqual({});
  });
});
