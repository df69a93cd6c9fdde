// Data for the fine-tuning tests: a trace file, then a frozen training version with a train/validation/test
// split, a frozen unsplit one, a frozen eval version and a training draft. Imports: node:fs, node:path, the
// core type. No test runner: the browser test builds the same data.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from '../../../src/main/core/create-core.ts';

const TOPICS = ['refund a double charge', 'reset a password', 'change a flight', 'cancel a subscription', 'add checked baggage'];

/** `count` chat traces, each distinct, some with a system prompt and a tool, as `<dir>/traces.jsonl`. */
export function writeTraceFile(dir: string, count = 30): string {
  const path = join(dir, 'traces.jsonl');
  const lines = Array.from({ length: count }, (_, i) => {
    const topic = TOPICS[i % TOPICS.length]!;
    return JSON.stringify({
      messages: [
        ...(i % 2 === 0 ? [{ role: 'system', content: 'You are a concise support assistant.' }] : []),
        { role: 'user', content: `Ticket ${i}: please help me ${topic}.` },
        { role: 'assistant', content: `Ticket ${i}: here is how to ${topic}, step by step.` },
      ],
      metadata: { task: i < 20 ? 'support' : 'eval', request_id: `t-${i}` },
    });
  });
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/**
 * Imports the traces, then builds: support-train@v1 (frozen, split train/validation/test), plain-train@v1
 * (frozen, unsplit), support-eval@v1 (frozen eval) and draft-train (a training draft, never frozen).
 */
export async function buildDatasets(core: Core, dir: string): Promise<void> {
  const imported = await core.jobs.waitFor((await core.invoke('imports.start', { paths: [writeTraceFile(dir)] })).jobId);
  if (imported.status !== 'succeeded') throw new Error(`the import ${imported.status}: ${imported.error}`);
  const support = { type: 'filter' as const, where: { task: ['support'] } };
  await core.invoke('datasets.create', { name: 'support-train', kind: 'training', source: support });
  await core.invoke('datasets.freeze', { dataset: 'support-train' });
  await core.invoke('datasets.split', { dataset: 'support-train', version: 1, test: 0.2, validation: 0.2, seed: 3 });
  await core.invoke('datasets.create', { name: 'plain-train', kind: 'training', source: support });
  await core.invoke('datasets.freeze', { dataset: 'plain-train' });
  await core.invoke('datasets.create', { name: 'support-eval', kind: 'eval', source: { type: 'filter', where: { task: ['eval'] } } });
  await core.invoke('datasets.freeze', { dataset: 'support-eval' });
  await core.invoke('datasets.create', { name: 'draft-train', kind: 'training', source: support });
}
