// What a trace contributes to search and to the metadata facets: the text of every message (tool calls and
// results included) and its metadata flattened to key/value pairs. Pure. Imports: row-text, parse types.
import type { NormalizedTrace } from '../parse/types.ts';
import { messageText } from '../row-text.ts';

/** A value longer than this is content, not a category: it is searchable through the raw text, not a facet value. */
export const MAX_METADATA_VALUE = 200;
const MAX_METADATA_KEY = 200;
/** Bounds what one odd record can add to the facet tables. */
const MAX_PAIRS_PER_TRACE = 200;
/** Nested metadata objects become dotted keys this many levels down (`user.plan`). */
const MAX_DEPTH = 3;

export interface SearchText {
  /** System and developer messages: often one policy text shared by every trace. */
  system: string;
  /** Every other message (user, assistant, tool calls and tool results), so a word deep inside a conversation is found. */
  conversation: string;
}

export function searchText(trace: NormalizedTrace): SearchText {
  const system: string[] = [];
  const conversation: string[] = [];
  for (const m of trace.messages) {
    const text = messageText(m);
    if (text === '') continue;
    (m.role === 'system' || m.role === 'developer' ? system : conversation).push(text);
  }
  return { system: system.join('\n'), conversation: conversation.join('\n') };
}

/**
 * Scalar metadata as [key, value] pairs; nested objects give dotted keys, arrays of scalars one pair per element
 * (tags), booleans and numbers their JSON text. Duplicates within a trace are dropped.
 */
export function metadataPairs(metadata: Record<string, unknown>): [key: string, value: string][] {
  const seen = new Set<string>();
  const out: [string, string][] = [];
  const add = (key: string, value: unknown): void => {
    if (out.length >= MAX_PAIRS_PER_TRACE) return;
    const text = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? JSON.stringify(value) : null;
    if (text === null || text === '' || text.length > MAX_METADATA_VALUE) return;
    const id = `${key}\u0000${text}`;
    if (seen.has(id)) return;
    seen.add(id);
    out.push([key, text]);
  };
  const walk = (prefix: string, o: Record<string, unknown>, depth: number): void => {
    for (const k of Object.keys(o)) {
      const key = prefix === '' ? k : `${prefix}.${k}`;
      if (key.length > MAX_METADATA_KEY) continue;
      const v = o[k];
      if (Array.isArray(v)) for (const item of v) add(key, item);
      else if (v !== null && typeof v === 'object') {
        if (depth < MAX_DEPTH) walk(key, v as Record<string, unknown>, depth + 1);
      } else add(key, v);
    }
  };
  walk('', metadata, 1);
  return out;
}
