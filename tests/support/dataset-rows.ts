// Builds dataset rows for tests and benchmarks: every field at a plain default, overridden where a test cares.
// Imports: the datasets engine's row type.
import type { DatasetRow } from '../../src/main/core/datasets/engine/types.ts';

/** A valid row with every field set; override what a test cares about. */
export function makeRow(overrides: Partial<DatasetRow> & Pick<DatasetRow, 'rowId'>): DatasetRow {
  return {
    messages: [{ role: 'user', content: `question ${String(overrides.rowId)}` }],
    response: { role: 'assistant', content: `answer ${String(overrides.rowId)}` },
    metadata: {},
    sourceTraceId: typeof overrides.rowId === 'number' ? overrides.rowId : 0,
    conversationId: null,
    turnIndex: 0,
    clusterId: null,
    membershipScore: null,
    labels: [],
    expectedOutput: null,
    note: null,
    ...overrides,
  };
}
