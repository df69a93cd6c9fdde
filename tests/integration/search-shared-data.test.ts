// Search and metadata facets over the real data sets in ../shared/data: every airline trace whose messages
// mention "baggage" (by a brute-force scan of the file) is found, and banking77's and tau-bench's metadata
// keys are facets. Skips when the data is absent.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../src/main/core/create-core.ts';
import { hasSharedData, sharedFile } from '../support/shared-data.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { importIndexed } from '../support/import-indexed.ts';

const airline = sharedFile('tau-bench-airline', 'tau_airline_gpt4o.openai_chat.jsonl');
const banking = sharedFile('banking77', 'banking77.prompt_response.jsonl');

interface Message {
  role: string;
  content: unknown;
  tool_calls?: { function?: { name?: string; arguments?: string } }[];
}

/** Words as the index reads them: letters and digits, case and accents folded. */
const words = (text: string): string[] => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

function messageWords(m: Message): string[] {
  const parts = [typeof m.content === 'string' ? m.content : ''];
  for (const call of m.tool_calls ?? []) parts.push(call.function?.name ?? '', call.function?.arguments ?? '');
  return parts.flatMap(words);
}

/** 1-based lines whose messages (without system ones when asked) hold a word starting with `prefix`. */
function bruteForce(path: string, prefix: string, withSystem: boolean): number[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const hits: number[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const { messages } = JSON.parse(line) as { messages: Message[] };
    const found = messages.some((m) => (withSystem || m.role !== 'system') && messageWords(m).some((w) => w.startsWith(prefix)));
    if (found) hits.push(i + 1);
  });
  return hits;
}

describe.skipIf(!hasSharedData)('search over the shared data sets', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let core: Core;
  beforeAll(async () => {
    dir = makeTempDir();
    core = createCore({ dataDir: join(dir.path, 'data') });
    await importIndexed(core, [airline, banking]);
  }, 300_000);
  afterAll(async () => {
    await core.close();
    dir.remove();
  });

  const lines = async (search: string, searchIn: 'all' | 'conversation'): Promise<number[]> => {
    const res = await core.invoke('traces.list', { where: { search, searchIn, fileId: 1 }, limit: 1000 });
    return res.items.map((t) => t.line);
  };

  it('finds every airline trace whose messages mention baggage, as a scan of the file does', async () => {
    const conversation = bruteForce(airline, 'baggage', false);
    const all = bruteForce(airline, 'baggage', true);
    // The policy prompt every trace shares mentions baggage; the conversations of most, not all, do too.
    expect(all).toHaveLength(200);
    expect(conversation.length).toBeGreaterThan(49);
    expect(conversation.length).toBeLessThan(200);
    expect(await lines('baggage', 'conversation')).toEqual(conversation);
    expect(await lines('baggage', 'all')).toEqual(all);
    for (const word of ['refund', 'cancel', 'gift', 'certificate']) {
      expect(await lines(word, 'conversation'), word).toEqual(bruteForce(airline, word, false));
    }
  });

  it('makes agent_model the model, and tau-bench and banking77 metadata keys facets', async () => {
    const facets = await core.invoke('traces.facets', {});
    expect(facets.facets.model).toEqual(expect.arrayContaining([{ value: 'gpt-4o', count: 200 }]));
    const byKey = Object.fromEntries(facets.metadata.map((m) => [m.key, m]));
    expect(byKey.intent?.distinct).toBe(77);
    expect(byKey.split?.values.map((v) => v.value).sort()).toEqual(['test', 'train']);
    expect(byKey.task_id?.distinct).toBe(50);
    expect(byKey.reward?.values).toEqual(expect.arrayContaining([{ value: '1', count: 84 }]));
    const card = await core.invoke('traces.list', { where: { metadata: { intent: ['card_arrival'], split: ['test'] } }, limit: 1000 });
    expect(card.total).toBe(40);
  });
});
