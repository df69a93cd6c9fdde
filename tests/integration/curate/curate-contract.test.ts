// The curate contract is wired: every curate/review/pii channel is answered by the core (no wiring gap).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { curateCommands } from '../../../src/shared/contract/index.ts';
import { createCore, type Core } from '../../../src/main/core/create-core.ts';

let core: Core | null = null;
let dir = '';
afterEach(async () => {
  await core?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('curate contract', () => {
  it('answers every curate channel with an envelope, never a missing handler', async () => {
    dir = mkdtempSync(join(tmpdir(), 'winnow-curate-contract-'));
    core = createCore({ dataDir: dir });
    for (const channel of Object.keys(curateCommands)) {
      const result = await core.dispatch(channel, { dataset: 'nope' });
      expect(result.ok, channel).toBe(false);
      if (!result.ok) expect(['not_found', 'invalid_input', 'unavailable'], channel).toContain(result.error.code);
    }
  });
});
