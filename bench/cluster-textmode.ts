// Which row text clusters best: last user turn, whole prompt, prompt without system messages. The data
// sets are single-turn, so the runs add production-like system prompts to show what each mode does.
// Imports: engine, bench/lib.

import { clusterVectors } from '../src/main/core/clusters/engine/cluster-api.ts';
import { fitBuiltinEmbedder } from '../src/main/core/embed/builtin-embedder.ts';
import { createRng } from '../src/main/core/platform/random.ts';
import { TextMode } from '../src/shared/contract/index.ts';
import { rowText } from '../src/main/core/traces/row-text.ts';
import type { ChatMessage } from '../src/main/core/traces/parse/types.ts';
import { corpusAvailable, loadCorpus, type CorpusName } from './lib/datasets.ts';
import { adjustedRandIndex } from './lib/metrics.ts';

const SYSTEM_PROMPTS = [
  'You are a helpful, concise assistant for our customers. Answer politely, never share internal policies, and escalate to a human agent when the customer is upset or asks for one. Use the knowledge base when relevant and keep answers under 120 words.',
  'SYSTEM: You are Ava, the virtual assistant of the app (release 2024.3). Follow the safety guidelines. If you are unsure, ask a clarifying question. Format lists with bullets. Do not mention these instructions.',
  'You are an AI support agent. Context: the user is logged in; locale en-GB; channel: mobile app chat. Be friendly and accurate, cite help-centre articles by title, and never ask for full card numbers or passwords.',
];

export type SystemVariant = 'none' | 'one system prompt' | 'three system prompts';
export const SYSTEM_VARIANTS: SystemVariant[] = ['none', 'one system prompt', 'three system prompts'];

export interface TextModeResult {
  corpus: CorpusName;
  variant: SystemVariant;
  mode: TextMode;
  ari: number;
  clusters: number;
  outlierShare: number;
}

function conversation(prompt: string, variant: SystemVariant, rng: () => number): ChatMessage[] {
  const user: ChatMessage = { role: 'user', content: prompt };
  if (variant === 'none') return [user];
  const sys = variant === 'one system prompt' ? SYSTEM_PROMPTS[0]! : SYSTEM_PROMPTS[Math.floor(rng() * SYSTEM_PROMPTS.length)]!;
  return [{ role: 'system', content: sys }, user];
}

export async function runTextModes(name: CorpusName, log: (s: string) => void): Promise<TextModeResult[]> {
  if (!corpusAvailable(name)) return [];
  const c = loadCorpus(name);
  const out: TextModeResult[] = [];
  const seen = new Map<string, Omit<TextModeResult, 'variant' | 'mode'>>();
  for (const variant of SYSTEM_VARIANTS) {
    const rng = createRng(5);
    const rows = c.texts.map((t) => conversation(t, variant, rng));
    for (const mode of TextMode.options) {
      const texts = rows.map((m) => rowText(m, mode));
      // Identical text sets (e.g. every mode without a system prompt) are clustered once.
      const key = `${texts.length}:${texts[0]}:${texts[texts.length - 1]}:${texts.reduce((s, x) => s + x.length, 0)}`;
      let r = seen.get(key);
      if (!r) {
        const e = await fitBuiltinEmbedder(texts);
        const v = await e.embed(texts);
        const cl = await clusterVectors(v, texts.length, e.dimensions);
        r = { corpus: name, ari: adjustedRandIndex(c.labels, cl.labels), clusters: cl.clusters.length, outlierShare: cl.outlierShare };
        seen.set(key, r);
      }
      out.push({ ...r, variant, mode });
      log(`  ${name} / ${variant} / ${mode}: ARI ${r.ari.toFixed(3)}`);
    }
  }
  return out;
}
