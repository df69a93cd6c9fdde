// Owns: chunk-boundary robustness of the two byte scanners (line splitter, JSON value scanner): feeding a file in
// tiny random chunks must give exactly what one big chunk gives, including over-long records and escapes.
// Imports: vitest, node fs, the scanner modules, the shared test helpers, and the ingest public API.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LineSplitter } from '../../src/main/core/traces/parse/line-splitter.ts';
import { JsonScanner } from '../../src/main/core/traces/parse/json-scanner.ts';
import type { ScanMode } from '../../src/main/core/traces/parse/json-scanner.ts';
import { parseRecordText } from '../../src/main/core/traces/parse/index.ts';
import { fixture } from '../fixtures/ingest/read-all.ts';

/** Deterministic pseudo-random chunk sizes so a failure can be replayed. */
function chunks(bytes: Buffer, seed: number, maxSize: number): Array<[Buffer, number]> {
  let state = seed;
  const out: Array<[Buffer, number]> = [];
  for (let at = 0; at < bytes.length; ) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const size = 1 + (state % maxSize);
    out.push([Buffer.from(bytes.subarray(at, at + size)), at]);
    at += size;
  }
  return out;
}

function splitLines(bytes: Buffer, pieces: Array<[Buffer, number]>, limit: number): string[] {
  const seen: string[] = [];
  const splitter = new LineSplitter(
    {
      line: (b, start, end) => seen.push(`line ${start}-${end} ${b.toString('latin1')}`),
      tooLong: (head, length, start, end) => seen.push(`long ${start}-${end} ${length} ${head.toString('latin1')}`),
    },
    0,
    limit,
  );
  for (const [piece, offset] of pieces) splitter.push(piece, offset);
  splitter.end(bytes.length);
  return seen;
}

function scanValues(bytes: Buffer, pieces: Array<[Buffer, number]>, mode: ScanMode, limit: number): string[] {
  const seen: string[] = [];
  const scanner = new JsonScanner(
    {
      value: (b, line, end) => seen.push(`value L${line} @${end} ${b.toString('utf8')}`),
      tooLong: (head, length, line, end) => seen.push(`long L${line} @${end} ${length} ${head.length}`),
    },
    mode,
    1,
    false,
    limit,
  );
  for (const [piece, offset] of pieces) scanner.push(piece, offset);
  scanner.end(bytes.length);
  return seen;
}

describe('LineSplitter across chunk boundaries', () => {
  const file = readFileSync(fixture('defects.jsonl'));
  const withLong = Buffer.concat([file, Buffer.from(`\n${'y'.repeat(300)}\nshort\n${'z'.repeat(90)}`)]);

  it.each([1, 2, 3, 5, 8, 13, 64])('gives the same lines for chunks of up to %i bytes', (maxSize) => {
    const whole = splitLines(withLong, [[withLong, 0]], 100);
    for (const seed of [1, 2, 3]) expect(splitLines(withLong, chunks(withLong, seed * maxSize, maxSize), 100)).toEqual(whole);
    const overLimit = withLong.toString('latin1').split('\n').filter((l) => l.length > 100).length;
    expect(whole.filter((l) => l.startsWith('long'))).toHaveLength(overLimit);
    expect(overLimit).toBeGreaterThanOrEqual(2);
  });
});

describe('JsonScanner across chunk boundaries', () => {
  const array = readFileSync(fixture('openai-chat.json'));
  const escapes = Buffer.from(
    `[${JSON.stringify({ a: 'back\\slash\\' })}, ${JSON.stringify({ b: 'quote " and \\" and \\\\' })}, "\\\\", ${JSON.stringify({ c: '}]{[' })}, 12.5e3, null, true, {"bad": [1, 2}, {"after": "bad"}]`,
  );
  const sequence = Buffer.from(`${JSON.stringify({ x: 1 }, null, 2)}\n${JSON.stringify({ y: 'a\\"b' }, null, 2)}\n{"z": 3}`);

  it.each([1, 2, 3, 7, 31])('gives the same values for chunks of up to %i bytes', (maxSize) => {
    for (const [bytes, mode] of [
      [array, 'array'],
      [escapes, 'array'],
      [sequence, 'sequence'],
    ] as Array<[Buffer, ScanMode]>) {
      const whole = scanValues(bytes, [[bytes, 0]], mode, 1 << 20);
      for (const seed of [1, 2, 3]) expect(scanValues(bytes, chunks(bytes, seed * maxSize, maxSize), mode, 1 << 20)).toEqual(whole);
    }
  });

  it('slices values exactly, keeps escapes, and stops a mismatched bracket from swallowing the next value', () => {
    const values = scanValues(escapes, [[escapes, 0]], 'array', 1 << 20).map((v) => v.slice(v.indexOf(' ', v.indexOf('@')) + 1));
    expect(values).toEqual([
      JSON.stringify({ a: 'back\\slash\\' }),
      JSON.stringify({ b: 'quote " and \\" and \\\\' }),
      '"\\\\"',
      JSON.stringify({ c: '}]{[' }),
      '12.5e3',
      'null',
      'true',
      '{"bad": [1, 2}',
      '{"after": "bad"}',
    ]);
    expect(values.map((v) => (parseRecordText(v, 'auto').ok ? 'ok' : parseRecordText(v, 'auto')))).toMatchObject([
      { error: { code: 'unknown_format' } },
      { error: { code: 'unknown_format' } },
      { error: { code: 'not_an_object' } },
      { error: { code: 'unknown_format' } },
      { error: { code: 'not_an_object' } },
      { error: { code: 'not_an_object' } },
      { error: { code: 'not_an_object' } },
      { error: { code: 'invalid_json' } },
      { error: { code: 'unknown_format' } },
    ]);
  });

  it('reports an over-long value with its real length while keeping only its head', () => {
    // The value is 7 + 5000 + 2 = 5009 bytes from offset 1; only the first 4096 are kept.
    const big = Buffer.from(`[{"k": "${'v'.repeat(5000)}"}, {"small": 1}]`);
    for (const maxSize of [1, 7, 1000, 10000]) {
      const seen = scanValues(big, chunks(big, 5, maxSize), 'array', 100);
      expect(seen).toEqual(['long L1 @5010 5009 4096', 'value L1 @5024 {"small": 1}']);
    }
  });
});
