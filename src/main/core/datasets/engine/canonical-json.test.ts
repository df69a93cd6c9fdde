import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalRow, hashRows, HASHED_FIELDS, RowHasher } from './canonical-json.ts';
import { makeRow } from '../../../../../tests/support/dataset-rows.ts';

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    const value = { b: 1, a: { d: [3, { z: true, y: null }], c: 'x' }, B: 2 };
    expect(canonicalJson(value)).toBe('{"B":2,"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
  });

  it('drops undefined members, nulls undefined array items and non-finite numbers like JSON.stringify', () => {
    expect(canonicalJson({ a: undefined, b: [undefined, NaN, Infinity, -0, 1e21] })).toBe('{"b":[null,null,null,0,1e+21]}');
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('escapes strings and keys exactly as JSON.stringify does', () => {
    const s = 'line\nbreak "q" \u2028 \ud83d\ude00 \u0007';
    expect(canonicalJson({ [s]: s })).toBe(`{${JSON.stringify(s)}:${JSON.stringify(s)}}`);
  });

  it('orders keys by UTF-16 code units, not by locale', () => {
    expect(canonicalJson({ é: 1, a: 2, Z: 3, _: 4 })).toBe('{"Z":3,"_":4,"a":2,"é":1}');
  });

  it('uses toJSON like JSON.stringify', () => {
    expect(canonicalJson({ when: new Date(0) })).toBe('{"when":"1970-01-01T00:00:00.000Z"}');
  });

  it('throws on BigInt', () => {
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
  });
});

describe('hashRows', () => {
  const rows = [makeRow({ rowId: 2, labels: ['b'] }), makeRow({ rowId: 1 }), makeRow({ rowId: 'a' })];

  it('hashes canonical rows in rowId order, one line each', () => {
    // Expected text written out by hand for row 1, so a change to the row encoding fails here.
    const row1 =
      '{"clusterId":null,"conversationId":null,"expectedOutput":null,"labels":[],"membershipScore":null,' +
      '"messages":[{"content":"question 1","role":"user"}],"metadata":{},"note":null,' +
      '"response":{"content":"answer 1","role":"assistant"},"rowId":1,"sourceTraceId":1,"turnIndex":0}';
    expect(canonicalRow(rows[1]!)).toBe(row1);
    const text = [rows[1]!, rows[0]!, rows[2]!].map((r) => canonicalRow(r) + '\n').join('');
    const expected = 'sha256:' + createHash('sha256').update(text).digest('hex');
    expect(hashRows(rows)).toBe(expected);
  });

  it('does not depend on input order', () => {
    expect(hashRows([...rows].reverse())).toBe(hashRows(rows));
  });

  it('changes when any hashed field changes, not when an unlisted property is added', () => {
    const base = hashRows(rows);
    const changes: Record<(typeof HASHED_FIELDS)[number], unknown> = {
      rowId: 3, messages: [], tools: [{ type: 'function' }], response: { role: 'assistant', content: 'x' },
      metadata: { k: 1 }, sourceTraceId: 99, conversationId: 'c', turnIndex: 4, clusterId: 7, membershipScore: 0.5,
      labels: ['z'], expectedOutput: 'gold', note: 'n', split: 'test',
    };
    for (const field of HASHED_FIELDS) {
      const changed = rows.map((r, i) => (i === 1 ? { ...r, [field]: changes[field] } : r));
      expect(hashRows(changed), field).not.toBe(base);
    }
    const extra = rows.map((r) => ({ ...r, preview: 'not stored' }));
    expect(hashRows(extra)).toBe(base);
  });

  it('RowHasher refuses rows out of order or repeated', () => {
    const hasher = new RowHasher();
    hasher.add(makeRow({ rowId: 5 }));
    expect(() => hasher.add(makeRow({ rowId: 5 }))).toThrow(/ascending/);
    expect(() => hasher.add(makeRow({ rowId: 4 }))).toThrow(/ascending/);
  });

  it('orders numbers before strings and numbers by value', () => {
    const a = hashRows([makeRow({ rowId: 10 }), makeRow({ rowId: 9 }), makeRow({ rowId: '1' })]);
    const hasher = new RowHasher();
    for (const id of [9, 10, '1']) hasher.add(makeRow({ rowId: id }));
    expect(a).toBe(hasher.digest());
  });

  it('addCanonical over stored canonical text gives the same hash as add over the rows', () => {
    const rows = [makeRow({ rowId: 2, note: 'b' }), makeRow({ rowId: 7, labels: ['x'] }), makeRow({ rowId: 30 })];
    const stored = new RowHasher();
    for (const row of rows) stored.addCanonical(row.rowId, canonicalRow(row));
    expect(stored.digest()).toBe(hashRows(rows));
    const wrong = new RowHasher();
    wrong.addCanonical(7, canonicalRow(rows[1]!));
    expect(() => wrong.addCanonical(2, canonicalRow(rows[0]!))).toThrow(/ascending/);
  });
});
