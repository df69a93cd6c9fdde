import { describe, expect, it } from 'vitest';
import { admitRows, columnsOf, missingColumns } from './columns.ts';
import { makeRow } from '../../../../../tests/support/dataset-rows.ts';

describe('columns', () => {
  it('takes template variables, expected output and labels from a row', () => {
    const row = makeRow({ rowId: 1, metadata: { env: 'prod', variables: { topic: 'x', customer: 'y' } }, expectedOutput: { answer: 1 }, labels: ['good'] });
    expect(columnsOf(row)).toEqual(['variables.customer', 'variables.topic', 'expected_output', 'labels']);
    expect(columnsOf(makeRow({ rowId: 2, metadata: { variables: ['not', 'an', 'object'] } }))).toEqual([]);
  });

  it('lets the first row of an empty dataset declare the columns', () => {
    const first = makeRow({ rowId: 1, metadata: { variables: { topic: 'a' } }, expectedOutput: 'gold' });
    const second = makeRow({ rowId: 2, metadata: { variables: { topic: 'b', extra: 1 } }, expectedOutput: 'gold' });
    const result = admitRows(null, [first, second]);
    expect(result.columns).toEqual(['variables.topic', 'expected_output']);
    expect(result.accepted).toEqual([first, second]);
    expect(result.rejected).toEqual([]);
  });

  it('names exactly the declared columns a row lacks', () => {
    const declared = ['variables.topic', 'variables.customer', 'expected_output', 'labels'];
    const row = makeRow({ rowId: 'r7', metadata: { variables: { topic: 'a', customer: null } }, labels: ['x'] });
    expect(missingColumns(declared, row)).toEqual(['variables.customer', 'expected_output']);
    const result = admitRows(declared, [row]);
    expect(result.accepted).toEqual([]);
    expect(result.rejected[0]?.message).toBe('row r7 lacks the columns variables.customer, expected_output that this dataset declares');
    const one = admitRows(['labels'], [makeRow({ rowId: 3 })]);
    expect(one.rejected[0]?.message).toBe('row 3 lacks the column labels that this dataset declares');
  });

  it('keeps declared columns for a dataset that has them, even if the first row has fewer', () => {
    const result = admitRows(['expected_output'], [makeRow({ rowId: 1 })]);
    expect(result.columns).toEqual(['expected_output']);
    expect(result.rejected).toHaveLength(1);
  });
});
