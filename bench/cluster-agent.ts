// Agent traffic: do tau-bench airline rows (one per assistant turn) cluster by what the customer wants? Each
// row text mode is clustered with the built-in embedder and defaults and scored against labels derived from
// the conversation's first user turn by the keyword rules below. Imports: engine, row text, bench/lib.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { clusterVectors } from '../src/main/core/clusters/engine/cluster-api.ts';
import { fitBuiltinEmbedder } from '../src/main/core/embed/builtin-embedder.ts';
import { TextMode } from '../src/shared/contract/index.ts';
import type { ChatMessage } from '../src/main/core/traces/parse/types.ts';
import { rowText } from '../src/main/core/traces/row-text.ts';
import { sharedDataDir } from './lib/datasets.ts';
import { adjustedRandIndex, normalizedMutualInfo } from './lib/metrics.ts';

export const AIRLINE_FILE = path.join(sharedDataDir, 'tau-bench-airline/tau_airline_gpt4o.openai_chat.jsonl');

/**
 * What the customer wants, from the first user turn, first rule that matches (case-insensitive):
 * cancel: "cancel"; baggage: "bag", "suitcase", "luggage"; change: "change", "modif", "upgrade", "downgrade",
 * "remove"; book: the word "book" (not "booked"/"bookings"); otherwise other (delays, compensation, refunds,
 * insurance, balances).
 */
export const INTENT_RULES: readonly [string, RegExp][] = [
  ['cancel', /cancel/i],
  ['baggage', /\bbag|suitcase|luggage/i],
  ['change', /change|modif|upgrade|downgrade|remove/i],
  ['book', /\bbook\b/i],
];

export function customerIntent(firstUserTurn: string): string {
  for (const [label, re] of INTENT_RULES) if (re.test(firstUserTurn)) return label;
  return 'other';
}

export interface AgentRows {
  /** The prompt side of each row: the messages before an assistant turn (as single-turn conversion splits). */
  prompts: ChatMessage[][];
  labels: string[];
  conversations: number;
}

export function loadAirlineRows(file = AIRLINE_FILE): AgentRows {
  const prompts: ChatMessage[][] = [];
  const labels: string[] = [];
  let conversations = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const messages = (JSON.parse(line) as { messages: ChatMessage[] }).messages;
    const first = messages.find((m) => m.role === 'user');
    const label = customerIntent(typeof first?.content === 'string' ? first.content : '');
    conversations++;
    messages.forEach((m, i) => {
      if (m.role !== 'assistant') return;
      prompts.push(messages.slice(0, i));
      labels.push(label);
    });
  }
  return { prompts, labels, conversations };
}

/** Share of rows whose cluster's most common label is their own (outliers count as one cluster). */
export function purity(truth: readonly string[], pred: ArrayLike<number>): number {
  const byCluster = new Map<number, Map<string, number>>();
  for (let i = 0; i < truth.length; i++) {
    const c = pred[i]!;
    let counts = byCluster.get(c);
    if (!counts) byCluster.set(c, (counts = new Map()));
    counts.set(truth[i]!, (counts.get(truth[i]!) ?? 0) + 1);
  }
  let kept = 0;
  for (const counts of byCluster.values()) kept += Math.max(...counts.values());
  return kept / truth.length;
}

export interface AgentModeResult {
  mode: TextMode;
  rows: number;
  clusters: number;
  outlierShare: number;
  ari: number;
  nmi: number;
  purity: number;
  /** Top-level groups (outliers in their nearest cluster's group) against the labels. */
  groups: number;
  groupAri: number;
  groupPurity: number;
}

export async function runAgentModes(log: (s: string) => void): Promise<{ results: AgentModeResult[]; labelCounts: Record<string, number>; conversations: number } | null> {
  if (!existsSync(AIRLINE_FILE)) {
    log(`[skip] tau-bench airline: ${AIRLINE_FILE} not found under ../shared/data`);
    return null;
  }
  const { prompts, labels, conversations } = loadAirlineRows();
  const labelCounts: Record<string, number> = {};
  for (const l of labels) labelCounts[l] = (labelCounts[l] ?? 0) + 1;
  const results: AgentModeResult[] = [];
  for (const mode of TextMode.options) {
    const texts = prompts.map((m) => rowText(m, mode));
    const e = await fitBuiltinEmbedder(texts);
    const v = await e.embed(texts);
    const cl = await clusterVectors(v, texts.length, e.dimensions, { seed: 42 });
    const parent = new Map(cl.clusters.map((x) => [x.id, x.parent]));
    const groupOf = Int32Array.from(cl.nearest, (id) => parent.get(id)!);
    const r: AgentModeResult = {
      mode,
      rows: texts.length,
      clusters: cl.clusters.length,
      outlierShare: cl.outlierShare,
      ari: adjustedRandIndex(labels, cl.labels),
      nmi: normalizedMutualInfo(labels, cl.labels),
      purity: purity(labels, cl.labels),
      groups: new Set(groupOf).size,
      groupAri: adjustedRandIndex(labels, groupOf),
      groupPurity: purity(labels, groupOf),
    };
    log(`  airline / ${mode}: ARI ${r.ari.toFixed(3)}, NMI ${r.nmi.toFixed(3)}, purity ${r.purity.toFixed(3)}, ${r.clusters} clusters; ${r.groups} groups: ARI ${r.groupAri.toFixed(3)}, purity ${r.groupPurity.toFixed(3)}, ${(100 * r.outlierShare).toFixed(1)} % outliers`);
    results.push(r);
  }
  return { results, labelCounts, conversations };
}
