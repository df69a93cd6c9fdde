import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../../tests/support/temp-dir.ts';
import { createCore } from '../../create-core.ts';

describe('command router (through createCore)', () => {
  it('rejects unknown channels and invalid input with actionable messages, never throwing', async () => {
    const dir = makeTempDir();
    const core = createCore({ dataDir: dir.path });
    try {
      expect(await core.dispatch('nope.nothing', {})).toEqual({ ok: false, error: { code: 'unknown_channel', message: 'unknown command "nope.nothing"' } });
      const bad = await core.dispatch('traces.list', { limit: 0 });
      expect(bad.ok).toBe(false);
      if (!bad.ok) {
        expect(bad.error.code).toBe('invalid_input');
        expect(bad.error.message).toMatch(/^traces\.list: limit:/);
      }
      const missing = await core.dispatch('traces.get', { id: 42 });
      expect(missing).toEqual({ ok: false, error: { code: 'not_found', message: 'trace 42 does not exist' } });
      const picker = await core.dispatch('app.pickFiles', {});
      expect(picker.ok === false && picker.error.code).toBe('unavailable');
      const info = await core.dispatch('app.info', {});
      expect(info).toMatchObject({ ok: true, value: { traces: 0, rows: 0, dataDir: dir.path } });
      const cursor = await core.dispatch('traces.list', { cursor: 'garbage' });
      expect(cursor.ok === false && cursor.error.code).toBe('invalid_input');
    } finally {
      await core.close();
      dir.remove();
    }
  });
});
