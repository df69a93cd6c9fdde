import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomically } from './atomic-output.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'winnow-atomic-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('writeFileAtomically', () => {
  it('writes strings and bytes in order, across buffer hand-offs, and reports the hash and size of what is on disk', async () => {
    const dir = tempDir();
    const path = join(dir, 'out.txt');
    // Enough short lines to fill the 4 MiB buffer several times, multi-byte text, one string larger than the
    // buffer, and raw bytes in between.
    const parts: (string | Uint8Array)[] = [];
    for (let i = 0; i < 120_000; i++) parts.push(`line ${i} héllo wörld ✓ ${'x'.repeat(i % 50)}\n`);
    parts.splice(50_000, 0, Buffer.from([0xf0, 0x9f, 0x98, 0x80, 0x0a]));
    parts.splice(90_000, 0, `${'€'.repeat(2_000_000)}\n`);
    const result = await writeFileAtomically(path, async (sink) => {
      for (const part of parts) await sink.write(part);
      return { lines: parts.length };
    });
    const onDisk = readFileSync(path);
    const expected = Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));
    expect(onDisk.equals(expected)).toBe(true);
    expect(result).toEqual({ lines: parts.length, bytes: expected.length, sha256: `sha256:${createHash('sha256').update(expected).digest('hex')}` });
    expect(readdirSync(dir)).toEqual(['out.txt']);
  });

  it('leaves nothing behind when the fill fails after writes went out', async () => {
    const dir = tempDir();
    await expect(
      writeFileAtomically(join(dir, 'out.txt'), async (sink) => {
        for (let i = 0; i < 200_000; i++) await sink.write(`row ${i} of a file that never completes\n`);
        throw new Error('cancelled');
      }),
    ).rejects.toThrow('cancelled');
    expect(readdirSync(dir)).toEqual([]);
  });
});
