// Labelled benchmark corpora (banking77, hwu64) read from ../shared/data, plus a paths helper.
// Imports: node:path, node:url, node:fs, ./jsonl.ts.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readJsonl } from './jsonl.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedDataDir = path.resolve(repoRoot, '../shared/data');

export interface LabelledCorpus {
  name: string;
  texts: string[];
  /** Fine labels (intent). */
  labels: string[];
  /** Coarse labels (hwu64's scenario), when the corpus has them. */
  coarse: string[] | null;
}

export const CORPORA = {
  banking77: 'banking77/banking77.prompt_response.jsonl',
  hwu64: 'hwu64/hwu64.prompt_response.jsonl',
} as const;
export type CorpusName = keyof typeof CORPORA;

export function corpusPath(name: CorpusName): string {
  return path.join(sharedDataDir, CORPORA[name]);
}

export function corpusAvailable(name: CorpusName): boolean {
  return existsSync(corpusPath(name));
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : v == null ? '' : String(v);
}

/** Loads a prompt/response corpus: text = prompt, labels = metadata.intent, coarse = metadata.scenario. */
export function loadCorpus(name: CorpusName): LabelledCorpus {
  const records = readJsonl(corpusPath(name));
  const texts: string[] = [];
  const labels: string[] = [];
  const coarse: string[] = [];
  let hasCoarse = true;
  for (const r of records) {
    const o = (r ?? {}) as { prompt?: unknown; metadata?: { intent?: unknown; scenario?: unknown } };
    texts.push(str(o.prompt));
    labels.push(str(o.metadata?.intent));
    if (o.metadata?.scenario === undefined) hasCoarse = false;
    coarse.push(str(o.metadata?.scenario));
  }
  return { name, texts, labels, coarse: hasCoarse ? coarse : null };
}
