// Scale corpora for the speed benchmark: real labelled prompts repeated with small random edits,
// or (when ../shared/data is absent) template-generated prompts. Imports: ./datasets.ts, embed/random.ts.

import { createRng } from '../../src/main/core/platform/random.ts';
import { corpusAvailable, loadCorpus } from './datasets.ts';

const PREFIXES = ['', '', '', 'hi, ', 'hello ', 'please ', 'quick question: ', 'hey - ', 'urgent: ', 'sorry, '];
const SUFFIXES = ['', '', '', ' thanks', ' please', '?', ' asap', ' thank you!', ' :)', ' (again)'];

/** Edits a prompt: maybe a prefix/suffix, maybe one dropped or swapped word, maybe one typo. */
function vary(text: string, rng: () => number): string {
  const words = text.split(' ');
  const r = rng();
  if (words.length > 3 && r < 0.25) words.splice(Math.floor(rng() * words.length), 1);
  else if (words.length > 3 && r < 0.45) {
    const i = Math.floor(rng() * (words.length - 1));
    const t = words[i]!;
    words[i] = words[i + 1]!;
    words[i + 1] = t;
  }
  let s = words.join(' ');
  if (rng() < 0.3 && s.length > 4) {
    const i = 1 + Math.floor(rng() * (s.length - 2));
    s = s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
  }
  return PREFIXES[Math.floor(rng() * PREFIXES.length)]! + s + SUFFIXES[Math.floor(rng() * SUFFIXES.length)]!;
}

const TOPICS = [
  ['refund', 'charged twice', 'card payment', 'money back', 'duplicate charge'],
  ['password', 'reset', 'locked out', 'login', 'two factor code'],
  ['invoice', 'billing address', 'vat number', 'receipt', 'pdf copy'],
  ['shipping', 'delivery date', 'tracking number', 'parcel', 'courier'],
  ['summarise', 'this article', 'key points', 'bullet list', 'tl;dr'],
  ['translate', 'into french', 'spanish version', 'german text', 'localise'],
  ['sql query', 'join tables', 'group by', 'postgres', 'index slow'],
  ['python error', 'traceback', 'import fails', 'pip install', 'virtualenv'],
];
const FRAMES = ['how do i {a} with {b}', 'can you help: {a} and {b}', 'my {a} is not working, {b}', 'what about {a}? also {b}', 'need {a} for {b} today'];

function templatePrompt(rng: () => number): { text: string; label: string } {
  const t = Math.floor(rng() * TOPICS.length);
  const words = TOPICS[t]!;
  const a = words[Math.floor(rng() * words.length)]!;
  const b = words[Math.floor(rng() * words.length)]!;
  const f = FRAMES[Math.floor(rng() * FRAMES.length)]!;
  return { text: f.replace('{a}', a).replace('{b}', b), label: `topic-${t}` };
}

/** `n` prompts with labels: banking77 + hwu64 rows varied when available, templates otherwise. */
export function scaleCorpus(n: number, seed = 11): { texts: string[]; labels: string[]; source: string } {
  const rng = createRng(seed);
  const base: { text: string; label: string }[] = [];
  for (const name of ['banking77', 'hwu64'] as const) {
    if (!corpusAvailable(name)) continue;
    const c = loadCorpus(name);
    for (let i = 0; i < c.texts.length; i++) base.push({ text: c.texts[i]!, label: `${name}:${c.labels[i]}` });
  }
  const texts: string[] = [];
  const labels: string[] = [];
  for (let i = 0; i < n; i++) {
    if (base.length > 0) {
      const b = base[i < base.length ? i : Math.floor(rng() * base.length)]!;
      texts.push(i < base.length ? b.text : vary(b.text, rng));
      labels.push(b.label);
    } else {
      const p = templatePrompt(rng);
      texts.push(vary(p.text, rng));
      labels.push(p.label);
    }
  }
  return { texts, labels, source: base.length > 0 ? 'banking77+hwu64 varied' : 'templates' };
}
