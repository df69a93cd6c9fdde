// The built-in lexical embedder and row-text selection, in Node with real worker threads.
import { describe, expect, it } from 'vitest';
import { BuiltinEmbedder, fitBuiltinEmbedder } from '../../src/main/core/embed/builtin-embedder.ts';
import { fitLexicalModel } from '../../src/main/core/embed/lexical-fit.ts';
import { deserializeLexicalModel, serializeLexicalModel } from '../../src/main/core/embed/lexical-model.ts';
import { rowText } from '../../src/main/core/traces/row-text.ts';
import type { ChatMessage } from '../../src/main/core/traces/parse/types.ts';

const TOPICS = [
  ['refund my card payment', 'I was charged twice, refund please', 'money back for a duplicate charge'],
  ['reset my password', 'cannot log in, password forgotten', 'locked out of my account login'],
  ['book a train ticket', 'train tickets to Paris tomorrow', 'reserve a seat on the train'],
];

function corpus(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const t = TOPICS[i % 3]!;
    out.push(`${t[i % t.length]} (request ${i})`);
  }
  return out;
}

function dot(v: Float32Array, i: number, j: number, d: number): number {
  let s = 0;
  for (let t = 0; t < d; t++) s += v[i * d + t]! * v[j * d + t]!;
  return s;
}

describe('rowText', () => {
  const messages: ChatMessage[] = [
    { role: 'system', content: 'You are a helpful bank assistant.' },
    { role: 'user', content: 'hello' },
    { role: 'assistant', content: 'Hi! How can I help?' },
    { role: 'user', content: [{ type: 'text', text: 'I was charged twice' }, { type: 'image_url', image_url: { url: 'x' } }, { type: 'text', text: 'for one order' }] },
  ];

  it('takes the last user turn, joining text parts', () => {
    expect(rowText(messages, 'last-user')).toBe('I was charged twice\nfor one order');
  });

  it('by default gives the task: the opening request, the current user turn and the tools called so far', () => {
    expect(rowText(messages)).toBe('hello\n\nI was charged twice\nfor one order');
    const agent: ChatMessage[] = [
      { role: 'system', content: 'You are an airline agent.' },
      { role: 'user', content: 'I need to cancel my flight to Denver.' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'a', type: 'function', function: { name: 'get_reservation_details', arguments: '{"id":"X1"}' } }] },
      { role: 'tool', tool_call_id: 'a', content: '{"status":"ok"}' },
      { role: 'assistant', content: 'Shall I cancel it?' },
      { role: 'user', content: 'yes, go ahead' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'b', type: 'function', function: { name: 'cancel_reservation', arguments: '{}' } }, { id: 'c', type: 'function', function: { name: 'get_reservation_details', arguments: '{}' } }] },
      { role: 'tool', tool_call_id: 'b', content: 'done' },
    ];
    expect(rowText(agent)).toBe('I need to cancel my flight to Denver.\n\nyes, go ahead\n\ntools: get_reservation_details, cancel_reservation');
    // Before any tool call and with one user turn, the task is that turn: single-turn rows read as with last-user.
    expect(rowText(agent.slice(0, 2))).toBe('I need to cancel my flight to Denver.');
    expect(rowText(agent.slice(0, 2), 'task')).toBe(rowText(agent.slice(0, 2), 'last-user'));
  });

  it('renders the whole prompt, or the prompt without system and developer messages', () => {
    const whole = rowText(messages, 'whole-prompt');
    expect(whole).toContain('system: You are a helpful bank assistant.');
    expect(whole).toContain('user: I was charged twice\nfor one order');
    const noSystem = rowText([{ role: 'developer', content: 'be terse' }, ...messages], 'no-system');
    expect(noSystem).not.toContain('helpful bank assistant');
    expect(noSystem).not.toContain('be terse');
    expect(noSystem.startsWith('user: hello')).toBe(true);
  });

  it('falls back to the whole prompt when there is no user text', () => {
    expect(rowText([{ role: 'system', content: 'only a system prompt' }], 'last-user')).toBe('system: only a system prompt');
    expect(rowText([], 'last-user')).toBe('');
    expect(rowText([{ role: 'system', content: 'only a system prompt' }])).toBe('system: only a system prompt');
  });
});

describe('built-in lexical embedder', () => {
  it('gives unit vectors where same-topic texts are closer than cross-topic texts', () => {
    const texts = corpus(300);
    const e = new BuiltinEmbedder(fitLexicalModel(texts));
    const d = e.dimensions;
    expect(d).toBe(256);
    const v = e.embedSync(texts);
    expect(v.length).toBe(300 * d);
    for (let i = 0; i < 300; i += 37) expect(Math.abs(dot(v, i, i, d) - 1)).toBeLessThan(1e-4);
    let same = 0;
    let cross = 0;
    for (let i = 0; i < 60; i++) {
      same += dot(v, i, i + 3, d);
      cross += dot(v, i, i + 1, d);
    }
    expect(same / 60).toBeGreaterThan(cross / 60 + 0.2);
  });

  it('keeps rows with nothing in common with the corpus apart instead of collapsing them together', () => {
    const texts = corpus(300);
    const e = new BuiltinEmbedder(fitLexicalModel(texts));
    const junk = ['qzxv wprk', 'hhhh jjjj kkkk', 'ßüöä ëïÿ', '1234 5678', 'xkcd zzyzx qwerty'];
    const v = e.embedSync(junk);
    let maxSim = -1;
    for (let i = 0; i < junk.length; i++) for (let j = i + 1; j < junk.length; j++) maxSim = Math.max(maxSim, dot(v, i, j, e.dimensions));
    expect(maxSim).toBeLessThan(0.5);
  });

  it('serialises its model: a restored embedder has the same id and embeds identically', () => {
    const texts = corpus(200);
    const model = fitLexicalModel(texts);
    const a = new BuiltinEmbedder(model);
    const bytes = serializeLexicalModel(model);
    const b = new BuiltinEmbedder(bytes);
    expect(b.id).toBe(a.id);
    expect(a.id).toMatch(/^builtin-lexical-v1:[0-9a-f]{12}$/);
    expect(Array.from(b.embedSync(['a new refund request']))).toEqual(Array.from(a.embedSync(['a new refund request'])));
    expect(() => deserializeLexicalModel(bytes.subarray(0, 100))).toThrow(/truncated|corrupt|not a Winnow/);
  });

  it('embeds in worker threads exactly as in the calling thread, with progress', async () => {
    const texts = corpus(5000);
    const e = await fitBuiltinEmbedder(texts, { workerThreshold: 1000 });
    const local = new BuiltinEmbedder(fitLexicalModel(texts));
    expect(e.id).toBe(local.id);
    const seen: number[] = [];
    const v = await e.embed(texts, { onProgress: (p) => seen.push(p.done) });
    expect(seen.at(-1)).toBe(5000);
    expect(Buffer.from(v.buffer).equals(Buffer.from(e.embedSync(texts).buffer))).toBe(true);
  });

  it('stops when its signal aborts', async () => {
    const texts = corpus(20000).map((t) => `${t} ${'lorem ipsum dolor sit amet '.repeat(20)}`);
    const e = new BuiltinEmbedder(fitLexicalModel(texts.slice(0, 500)), { workerThreshold: 100 });
    const ac = new AbortController();
    let abortedAt = 0;
    const p = e.embed(texts, { signal: ac.signal });
    setTimeout(() => {
      abortedAt = Date.now();
      ac.abort();
    }, 30);
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    // Workers are terminated, not drained: the rejection follows the abort at once.
    expect(Date.now() - abortedAt).toBeLessThan(500);
  });
});
