// LLM cluster names: a short name, a one-line description, inclusion and exclusion rules, written from
// each cluster's most central prompts and contrasted with its nearest neighbouring clusters.
// Imports: zod, ../llm/chat-client.ts, sibling cluster modules. Falls back to the keyword name on any failure.

import { z } from 'zod';
import type { ChatClient } from '../llm/index.ts';
import type { OfflineName } from './engine/name-offline.ts';
import type { Clustering, Progress } from './engine/types.ts';

export const LlmNameReply = z.object({
  name: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .refine((s) => s.split(/\s+/).length <= 5, 'name must be at most 5 words'),
  description: z.string().trim().min(1).max(300),
  include: z.string().trim().min(1).max(300),
  exclude: z.string().trim().min(1).max(300),
});
export type LlmNameReply = z.infer<typeof LlmNameReply>;

export interface ClusterName {
  clusterId: number;
  name: string;
  description: string | null;
  include: string | null;
  exclude: string | null;
  keywords: string[];
  /** 'llm' when the model's reply was used, 'keywords' for the offline fallback. */
  source: 'llm' | 'keywords';
  /** The model that wrote it (null for keyword names): names are stored with the model used. */
  model: string | null;
  /** Why the LLM name was not used, when it was not. */
  error: string | null;
}

export interface LlmNamingOptions {
  /** Central prompts shown per cluster; default 8. */
  examples?: number;
  /** Neighbouring clusters contrasted; default 3. */
  neighbours?: number;
  /** Characters kept per example prompt; default 300. */
  exampleChars?: number;
  /** Attempts per cluster (a second attempt is told what was wrong); default 2. */
  attempts?: number;
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
}

const SYSTEM = `You name clusters of prompts that users sent to an LLM application, for a person curating datasets.
Reply with one JSON object and nothing else:
{"name": "...", "description": "...", "include": "...", "exclude": "..."}
- name: at most 5 words, specific to this cluster (not to its neighbours), no quotes.
- description: one sentence saying what these prompts ask for.
- include: one sentence rule for which prompts belong here.
- exclude: one sentence rule for similar prompts that do NOT belong here, naming what sets the neighbouring clusters apart.`;

function clip(s: string, n: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}

/** The rows of each cluster with the highest membership scores, distinct texts, best first. */
export function centralMembers(texts: readonly string[], clustering: Clustering, count: number): Map<number, number[]> {
  const byCluster = new Map<number, number[]>();
  for (let i = 0; i < clustering.labels.length; i++) {
    const l = clustering.labels[i]!;
    if (l < 0) continue;
    let rows = byCluster.get(l);
    if (!rows) byCluster.set(l, (rows = []));
    rows.push(i);
  }
  const out = new Map<number, number[]>();
  for (const [l, rows] of byCluster) {
    rows.sort((a, b) => clustering.scores[b]! - clustering.scores[a]! || a - b);
    const seen = new Set<string>();
    const pick: number[] = [];
    for (const i of rows) {
      const key = (texts[i] ?? '').trim().toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      pick.push(i);
      if (pick.length >= count) break;
    }
    out.set(l, pick);
  }
  return out;
}

/** Each cluster's nearest other clusters by centroid similarity. */
export function neighbourClusters(clustering: Clustering, count: number): Map<number, number[]> {
  const d = clustering.dims;
  const cs = clustering.clusters;
  const out = new Map<number, number[]>();
  for (const a of cs) {
    const sims = cs
      .filter((b) => b.id !== a.id)
      .map((b) => {
        let s = 0;
        for (let t = 0; t < d; t++) s += a.centroid[t]! * b.centroid[t]!;
        return { id: b.id, s };
      })
      .sort((x, y) => y.s - x.s);
    out.set(
      a.id,
      sims.slice(0, count).map((x) => x.id),
    );
  }
  return out;
}

/** Parses a model reply: the JSON object inside it (code fences and chatter tolerated), validated. */
export function parseNameReply(text: string): { ok: true; value: LlmNameReply } | { ok: false; error: string } {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start) return { ok: false, error: 'reply contains no JSON object' };
  let json: unknown;
  try {
    json = JSON.parse(text.slice(start, end + 1));
  } catch (e) {
    return { ok: false, error: `reply is not valid JSON (${(e as Error).message})` };
  }
  const r = LlmNameReply.safeParse(json);
  if (!r.success) return { ok: false, error: r.error.issues.map((i) => `${i.path.join('.') || 'reply'}: ${i.message}`).join('; ') };
  return { ok: true, value: r.data };
}

function keywordName(o: OfflineName, error: string | null): ClusterName {
  return { clusterId: o.clusterId, name: o.name, description: null, include: null, exclude: null, keywords: o.keywords, source: 'keywords', model: null, error };
}

/**
 * Names every cluster with the LLM, concurrently within the client's limit. A cluster whose reply
 * fails validation (after a corrective retry) or whose call fails keeps its keyword name, with the
 * reason in `error`. Aborting rejects the whole call.
 */
export async function nameClustersWithLlm(
  texts: readonly string[],
  clustering: Clustering,
  offline: readonly OfflineName[],
  client: ChatClient,
  opts: LlmNamingOptions = {},
): Promise<ClusterName[]> {
  const exN = opts.examples ?? 8;
  const exChars = opts.exampleChars ?? 300;
  const attempts = Math.max(1, opts.attempts ?? 2);
  const central = centralMembers(texts, clustering, exN);
  const neighbours = neighbourClusters(clustering, opts.neighbours ?? 3);
  const offlineById = new Map(offline.map((o) => [o.clusterId, o]));
  const total = clustering.clusters.length;
  let done = 0;

  const one = async (clusterId: number): Promise<ClusterName> => {
    const own = offlineById.get(clusterId) ?? { clusterId, name: `cluster ${clusterId}`, keywords: [], representatives: [] };
    const examples = (central.get(clusterId) ?? []).map((i, k) => `${k + 1}. ${clip(texts[i] ?? '', exChars)}`);
    const contrast = (neighbours.get(clusterId) ?? []).map((nid) => {
      const o = offlineById.get(nid);
      const ex = (central.get(nid) ?? []).slice(0, 2).map((i) => `"${clip(texts[i] ?? '', 160)}"`);
      return `- ${o?.keywords.slice(0, 4).join(', ') ?? `cluster ${nid}`}: ${ex.join(' | ')}`;
    });
    const user = [
      `Cluster to name: its most central prompts`,
      ...examples,
      '',
      `Distinctive keywords: ${own.keywords.slice(0, 8).join(', ') || '(none)'}`,
      '',
      'Neighbouring clusters (your name must not fit these; say what separates them in "exclude"):',
      ...(contrast.length > 0 ? contrast : ['(none)']),
    ].join('\n');
    const messages: { role: 'system' | 'user' | 'assistant'; content: string }[] = [
      { role: 'system', content: SYSTEM },
      { role: 'user', content: user },
    ];
    let lastError = 'no reply';
    try {
      for (let a = 0; a < attempts; a++) {
        const res = await client.chat({ messages, json: true, temperature: 0, maxTokens: 300 }, opts.signal);
        const parsed = parseNameReply(res.text);
        if (parsed.ok) {
          const v = parsed.value;
          return { clusterId, name: v.name, description: v.description, include: v.include, exclude: v.exclude, keywords: own.keywords, source: 'llm', model: res.model, error: null };
        }
        lastError = parsed.error;
        messages.push({ role: 'assistant', content: res.text }, { role: 'user', content: `That reply was not usable (${parsed.error}). Reply again with only the JSON object.` });
      }
    } catch (e) {
      if (opts.signal?.aborted) throw opts.signal.reason;
      lastError = `LLM call failed: ${(e as Error).message}`;
    } finally {
      done++;
      opts.onProgress?.({ phase: 'naming', done, total });
    }
    return keywordName(own, lastError);
  };

  const names = await Promise.all(clustering.clusters.map((c) => one(c.id)));
  return distinctNames(names);
}

/**
 * Two clusters must not share a name: a later duplicate gets its best keyword not already in the name,
 * in parentheses, trimming the name so the whole stays within 5 words ("#id" when keywords run out).
 */
export function distinctNames(names: ClusterName[]): ClusterName[] {
  const used = new Set<string>();
  return names.map((n) => {
    let name = n.name;
    if (used.has(name.toLowerCase())) {
      const candidates = [...n.keywords.filter((k) => !name.toLowerCase().includes(k.toLowerCase())), `#${n.clusterId}`];
      for (const extra of candidates) {
        const extraWords = extra.split(/\s+/).length;
        const base = name.split(/\s+/).slice(0, Math.max(1, 5 - extraWords)).join(' ');
        const candidate = `${base} (${extra})`;
        if (!used.has(candidate.toLowerCase())) {
          name = candidate;
          break;
        }
      }
    }
    used.add(name.toLowerCase());
    return name === n.name ? n : { ...n, name };
  });
}
