// Leakage benchmark: N synthetic candidate prompts against M eval prompts, every rule, with each rule's share
// of the time. `node bench/leakage.ts [candidates=1000000] [evals=10000]`. Imports: the datasets engine.

import { checkLeakage } from '../src/main/core/datasets/engine/leakage.ts';
import type { LeakageRow } from '../src/main/core/datasets/engine/leakage.ts';

const candidateCount = Number(process.argv[2] ?? 1_000_000);
const evalCount = Number(process.argv[3] ?? 10_000);

// mulberry32, so every run sees the same prompts.
let state = 12345;
const random = (): number => {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'ta', 'vo', 'shi', 'pe', 'da', 'gu', 'bi', 'zo', 'fe', 'ho', 'ja'];
const vocabulary = Array.from({ length: 5000 }, () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(syllables)).join(''));
// Twenty task templates: a fixed instruction with a variable part, as production prompts look.
const templates = Array.from({ length: 20 }, () => Array.from({ length: 12 }, () => pick(vocabulary)).join(' '));
const system = { role: 'system', content: 'You are a helpful assistant for the support team. Answer briefly and politely.' };

function prompt(): string {
  const words = Array.from({ length: 20 + Math.floor(random() * 50) }, () => pick(vocabulary));
  return `${pick(templates)}: ${words.join(' ')}?`;
}
function row(id: number, text: string, trace: number, conversation: string | null): LeakageRow {
  return { rowId: id, sourceTraceId: trace, conversationId: conversation, messages: [system, { role: 'user', content: text }] };
}

const t0 = performance.now();
const evals = Array.from({ length: evalCount }, (_, i) => row(i, prompt(), i, `eval-conv-${i}`));
const candidates: LeakageRow[] = [];
for (let i = 0; i < candidateCount; i++) {
  const id = evalCount + i;
  const source = evals[Math.floor(random() * evals.length)] as LeakageRow;
  const text = (source.messages[1] as { content: string }).content;
  const roll = random();
  // 1% of each planted kind; the rest are fresh prompts.
  if (roll < 0.01) candidates.push(row(id, prompt(), source.sourceTraceId, null));
  else if (roll < 0.02) candidates.push(row(id, prompt(), id, source.conversationId));
  else if (roll < 0.03) candidates.push(row(id, `  ${text.toUpperCase().replace(/ /g, ',  ')}!!`, id, null));
  else if (roll < 0.04) candidates.push(row(id, text.replace(/\b\w+\b/, pick(vocabulary)), id, null));
  else candidates.push(row(id, prompt(), id, null));
}
const avgChars = candidates.slice(0, 10_000).reduce((s, r) => s + (r.messages[1] as { content: string }).content.length, 0) / Math.min(10_000, candidates.length);
console.log(`generated ${candidateCount} candidates (~${avgChars.toFixed(0)} prompt chars each) and ${evalCount} eval rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const cpu0 = process.cpuUsage();
const t1 = performance.now();
const report = checkLeakage(evals, candidates);
const total = performance.now() - t1;
const cpu = process.cpuUsage(cpu0);

console.log(`total ${(total / 1000).toFixed(2)} s (cpu ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s), peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
for (const [rule, ms] of Object.entries(report.elapsedMs)) {
  const count = report.counts[rule as keyof typeof report.counts];
  console.log(`  ${rule.padEnd(12)} ${(ms / 1000).toFixed(2).padStart(6)} s  ${((ms / total) * 100).toFixed(1).padStart(5)}%  excluded ${count}`);
}
console.log(`overlap ${(report.overlapShare * 100).toFixed(2)}%, near params ${JSON.stringify(report.near)}`);
