// Synthetic chat rows for the curation-filter benchmark: a handful of system prompts, English-like prompts and
// answers of realistic lengths, with planted failures, refusals, cut-offs, JSON-mode rows, tool calls, PII and
// exact and near copies at fixed rates. Imports: the engine's row type only.
import type { CurateRow } from '../../src/main/core/curate/engine/curate-row.ts';

const WORDS = (
  'the a to of and in is it you that for on with as this be are was your have can will not at by from or an but if ' +
  'data table query user order account payment refund invoice shipping delivery password login error report model ' +
  'customer service request response file system update version server client value number list item price date ' +
  'time team project meeting email message support ticket issue problem solution step example result change test ' +
  'build deploy release feature function method class module package library script command option setting config ' +
  'first second next last new old good best simple quick easy clear short long small large important possible ' +
  'please check send open close create delete find show make use need want help try run read write add remove ' +
  'because when where which while after before about into over under between through during without within'
).split(' ');
const SYSTEM_PROMPTS = [
  'You are a helpful customer support assistant for an online shop. Answer briefly and politely, and never invent order details you cannot see.',
  'You are a senior software engineer. Explain code changes step by step, show short code samples when useful, and point out risks.',
  'You are a data analyst. Answer questions about the sales tables with SQL and a one-paragraph explanation of the result.',
  'You are a travel agent assistant. Help the user plan trips, compare options and summarise the itinerary at the end.',
  'You summarise documents. Keep the summary under 150 words and list the three most important points.',
];
const REFUSALS = ["I'm sorry, but I can't help with that request.", 'I cannot provide that information.', 'As an AI language model, I am not able to do that.'];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    s = (s ^ (s >>> 13)) >>> 0;
    return s / 2 ** 32;
  };
}

export interface SyntheticCurateRows {
  rows: CurateRow[];
  /** How many rows of each planted kind the generator made. */
  planted: Record<string, number>;
}

export function syntheticCurateRows(n: number, seed = 5): SyntheticCurateRows {
  const r = rng(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
  const sentence = (): string => {
    const w = Array.from({ length: int(6, 18) }, () => WORDS[Math.floor(r() * WORDS.length)]!);
    if (r() < 0.15) w.splice(int(0, w.length - 1), 0, String(int(1, 5000)));
    const s = w.join(' ');
    return s[0]!.toUpperCase() + s.slice(1) + (r() < 0.85 ? '.' : '?');
  };
  const paragraph = (chars: number): string => {
    const parts: string[] = [];
    let length = 0;
    while (length < chars) {
      const s = sentence();
      parts.push(s);
      length += s.length + 1;
    }
    return parts.join(' ');
  };
  const planted: Record<string, number> = {};
  const plant = (k: string): void => {
    planted[k] = (planted[k] ?? 0) + 1;
  };
  const rows: CurateRow[] = [];
  for (let i = 0; i < n; i++) {
    const x = r();
    // Copies of an earlier row: exact, or with one word changed in a long answer.
    if (i > 10 && x < 0.05) {
      const src = rows[int(0, i - 1)]!;
      rows.push({ ...src, id: `r${i}` });
      plant('exact copy');
      continue;
    }
    if (i > 10 && x < 0.08) {
      const src = rows[int(0, i - 1)]!;
      const text = typeof src.response?.content === 'string' ? src.response.content : '';
      if (text.length > 400) {
        rows.push({ ...src, id: `r${i}`, response: { content: text.replace(/\b(the|a|to)\b/, 'this') } });
        plant('near copy');
        continue;
      }
    }
    const prompt = paragraph(int(60, 700));
    let answer = paragraph(int(150, 2000));
    const row: CurateRow = {
      id: `r${i}`,
      messages: [
        { role: 'system', content: SYSTEM_PROMPTS[int(0, SYSTEM_PROMPTS.length - 1)]! },
        { role: 'user', content: prompt },
      ],
      response: { content: answer },
      status: 'ok',
      finishReason: 'stop',
      clusterId: `c${int(0, 19)}`,
      membershipScore: Math.round(r() * 1000) / 1000,
    };
    const y = r();
    if (y < 0.01) {
      row.status = 'error';
      row.response = null;
      plant('failed');
    } else if (y < 0.02) {
      row.response = { content: ' ' };
      plant('empty');
    } else if (y < 0.05) {
      row.response = { content: REFUSALS[int(0, REFUSALS.length - 1)]! };
      plant('refusal');
    } else if (y < 0.07) {
      row.finishReason = 'length';
      plant('truncated (length)');
    } else if (y < 0.08) {
      row.response = { content: `${answer}\n\n\`\`\`python\ndef main():\n    return run(` };
      plant('truncated (open fence)');
    } else if (y < 0.11) {
      row.responseFormat = { type: 'json_schema', json_schema: { name: 'answer', schema: { type: 'object', properties: { summary: { type: 'string' }, score: { type: 'number' } }, required: ['summary', 'score'], additionalProperties: false } } };
      const ok = r() < 0.7;
      row.response = { content: ok ? JSON.stringify({ summary: sentence(), score: int(0, 10) }) : JSON.stringify({ summary: sentence() }) };
      plant(ok ? 'json ok' : 'json missing field');
    } else if (y < 0.15) {
      row.tools = [{ type: 'function', function: { name: 'lookup_order', parameters: { type: 'object', properties: { order_id: { type: 'string' } } } } }];
      row.response = { content: null, tool_calls: [{ id: `call_${i}`, type: 'function', function: { name: 'lookup_order', arguments: JSON.stringify({ order_id: `A${int(10000, 99999)}` }) } }] };
      plant('tool call');
    } else if (y < 0.17) {
      answer += ` You can reach me at user${i}@mail.example.org or (415) 555-${String(int(1000, 9999))}.`;
      row.response = { content: answer };
      plant('pii');
    } else if (y < 0.175) {
      (row.messages[1] as { content: string }).content += ` My key is sk-proj-${Array.from({ length: 48 }, () => 'AbCdEf0123456789xYz'[int(0, 18)]).join('')}`;
      plant('secret');
    }
    // A tenth of the plain answers end with a closed code block.
    if (y >= 0.175 && r() < 0.1) {
      row.response = { content: `${answer}\n\n\`\`\`sql\nSELECT id, total FROM orders WHERE total > ${int(10, 900)} ORDER BY total DESC;\n\`\`\`` };
    }
    rows.push(row);
  }
  // Through JSON and back, as rows arrive from the store: flat strings, and copies that are equal but not identical.
  return { rows: JSON.parse(JSON.stringify(rows)) as CurateRow[], planted };
}
