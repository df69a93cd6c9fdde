import { describe, expect, it } from 'vitest';
import { answer } from '../../../../../../tests/support/curate-rows.ts';
import type { CurateRow } from '../curate-row.ts';
import { findDuplicates } from './duplicate-filter.ts';

const opts = { near: true, threshold: 0.8 };
const all = (rows: CurateRow[]): Uint8Array => new Uint8Array(rows.length).fill(1);
const ask = (prompt: string, reply: string, over: Partial<CurateRow> = {}): CurateRow => answer(reply, { messages: [{ role: 'user', content: prompt }], ...over });

const question = 'How do I reset the password of my account on the company portal when the email link has expired?';
const reply =
  'Open the portal sign-in page, choose "Forgot password", and request a new link; links expire after one hour. ' +
  'If the new link also fails, clear the browser cache, try a private window, and contact the help desk with your employee number so they can reset it by hand.';

describe('duplicate filter', () => {
  it('drops exact copies after normalising case and whitespace, naming the kept row', () => {
    const rows = [ask(question, reply), ask(question.toUpperCase(), `  ${reply.replace(/ /g, '\n ')}  `)];
    const v = findDuplicates(rows, all(rows), opts);
    expect(v[0]).toBeNull();
    expect(v[1]).toEqual({ drop: true, filter: 'duplicate', reason: `exact duplicate of row ${rows[0]!.id}`, duplicateOf: rows[0]!.id });
  });
  it('drops near copies: a word changed in the prompt and the answer, or only the system prompt differs', () => {
    const rows = [
      ask(question, reply),
      ask(question.replace('company', 'corporate'), reply.replace('one hour', '60 minutes')),
      ask(question, reply, { messages: [{ role: 'system', content: 'You are a helpful IT assistant.' }, { role: 'user', content: question }] }),
    ];
    const v = findDuplicates(rows, all(rows), opts);
    expect(v[1]?.reason).toMatch(new RegExp(`^near duplicate of row ${rows[0]!.id} \\(prompt similarity 0\\.\\d\\d, answer 0\\.\\d\\d\\)$`));
    expect(v[2]?.reason).toMatch(/^near duplicate of row .* \(prompt similarity 1\.00, answer 1\.00\)$/);
  });
  it('keeps rows that share only the prompt, only the answer, or a conversation history', () => {
    const other = 'You can change it yourself under Settings, Security, Change password; you will need your current password and a code from the authenticator app.';
    const turn1 = ask(question, reply);
    const turn2 = answer(other, {
      messages: [
        { role: 'user', content: question },
        { role: 'assistant', content: reply },
        { role: 'user', content: 'And what if I still know my current password?' },
      ],
    });
    const rows = [turn1, ask(question, other), ask('My laptop will not boot after the update, the screen stays black.', reply), turn2];
    expect(findDuplicates(rows, all(rows), opts)).toEqual([null, null, null, null]);
  });
  it('never points at a row that cannot be kept, and finds exact copies only when near is off', () => {
    const rows = [ask(question, reply), ask(question, reply), ask(question, reply), ask(question.replace('company', 'corporate'), reply)];
    const v = findDuplicates(rows, Uint8Array.from([0, 1, 1, 1]), { near: false, threshold: 0.8 });
    expect(v[0]).toBeNull();
    expect(v[1]).toBeNull();
    expect(v[2]?.reason).toBe(`exact duplicate of row ${rows[1]!.id}`);
    expect(v[3]).toBeNull();
  });
});

describe('duplicate filter recall on synthetic near copies', () => {
  it('finds nearly every pair at Jaccard >= 0.85 on both sides, and none below the threshold', async () => {
    const { jaccard, shingleSet } = await import('../dedup/shingle-set.ts');
    let seed = 7;
    const rand = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const vocab = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}`);
    const words = (n: number): string[] => Array.from({ length: n }, () => vocab[Math.floor(rand() * vocab.length)]!);
    const edit = (w: string[], share: number): string[] => w.map((x) => (rand() < share ? vocab[Math.floor(rand() * vocab.length)]! : x));
    const rows: CurateRow[] = [];
    for (let k = 0; k < 600; k++) {
      const p = words(15 + Math.floor(rand() * 60));
      const a = words(20 + Math.floor(rand() * 200));
      const share = rand() * 0.12;
      rows.push(ask(p.join(' '), a.join(' ')), ask(edit(p, share).join(' '), edit(a, share).join(' ')));
    }
    const v = findDuplicates(rows, all(rows), opts);
    let above = 0;
    let found = 0;
    let wrong = 0;
    for (let k = 0; k < rows.length; k += 2) {
      const j = Math.min(
        jaccard(shingleSet(rows[k]!.messages[0]!.content as string), shingleSet(rows[k + 1]!.messages[0]!.content as string)),
        jaccard(shingleSet(rows[k]!.response!.content as string), shingleSet(rows[k + 1]!.response!.content as string)),
      );
      const hit = v[k + 1] !== null;
      if (j >= 0.85) {
        above++;
        if (hit) found++;
      } else if (j < 0.8 && hit) wrong++;
    }
    expect(above).toBeGreaterThan(100);
    expect(found / above).toBeGreaterThanOrEqual(0.97);
    expect(wrong).toBe(0);
  });
});
