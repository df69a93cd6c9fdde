// The evaluate contract is wired: every eval channel is answered by the core with an envelope (no wiring gap),
// and its inputs are validated (a bad metric is refused before any handler runs).
import { afterEach, describe, expect, it } from 'vitest';
import { evaluateCommands } from '../../../src/shared/contract/index.ts';
import { createCore, type Core } from '../../../src/main/core/create-core.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

let core: Core | null = null;
let cleanup: (() => void) | null = null;
afterEach(async () => {
  await core?.close();
  cleanup?.();
});

const sample: Record<string, unknown> = {
  dataset: 'nope',
  version: 1,
  models: [{ model: 'm1' }],
  metric: 'exact',
  runId: 99,
  rowKey: 1,
  rowKeys: [1],
  path: '/tmp/never-written.jsonl',
  evaluators: [],
};

describe('evaluate contract', () => {
  it('answers every eval channel with an error envelope for unknown things, never a missing handler', async () => {
    const dir = makeTempDir('winnow-eval-contract-');
    cleanup = dir.remove;
    core = createCore({ dataDir: dir.path });
    for (const channel of Object.keys(evaluateCommands)) {
      const result = await core.dispatch(channel, sample);
      expect(result.ok, channel).toBe(false);
      if (!result.ok) expect(['not_found', 'invalid_input', 'unavailable'], channel).toContain(result.error.code);
    }
  });

  it('refuses an unknown metric at the boundary', async () => {
    const dir = makeTempDir('winnow-eval-contract-');
    cleanup = dir.remove;
    core = createCore({ dataDir: dir.path });
    const result = await core.dispatch('eval.estimate', { ...sample, metric: 'bleu' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid_input');
  });
});
