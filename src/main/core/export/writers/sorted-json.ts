// Owns: JSON text with object keys sorted at every depth, so exported bytes never depend on key insertion order.
// Imports: nothing (export may not reach into the datasets engine's canonical JSON).

/**
 * JSON.stringify with keys sorted at every depth; undefined members dropped. Keys sort by UTF-16 code units,
 * except that integer-like keys ("2", "10") come first in numeric order, as JS objects always enumerate them:
 * so the text differs from the engine's canonical JSON only for objects with several such keys, and is the same
 * for the same value whatever its key insertion order.
 */
export function sortedJson(value: unknown): string {
  // A replacer function takes JSON.stringify off its fast path; values already sorted at every depth (rows read
  // back from canonical storage) give the same text without one, several times faster.
  return (deepSorted(value, 0) ? JSON.stringify(value) : JSON.stringify(value, sortKeys)) ?? 'null';
}

/** True when every object inside has its keys in sorted order already (and nothing calls toJSON). */
function deepSorted(v: unknown, depth: number): boolean {
  if (v === null || typeof v !== 'object') return true;
  if (depth > 64) return false;
  if (Array.isArray(v)) {
    for (const item of v) if (!deepSorted(item, depth + 1)) return false;
    return true;
  }
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return false;
  let previous: string | null = null;
  for (const key in v) {
    if (!Object.hasOwn(v, key)) return false;
    if (previous !== null && previous > key) return false;
    previous = key;
    if (!deepSorted((v as Record<string, unknown>)[key], depth + 1)) return false;
  }
  return true;
}

function sortKeys(_key: string, v: unknown): unknown {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
  const keys = Object.keys(v);
  // Rows read back from canonical storage are already sorted: skip the copy for them.
  if (isSorted(keys)) return v;
  const sorted: Record<string, unknown> = {};
  for (const k of keys.sort()) sorted[k] = (v as Record<string, unknown>)[k];
  return sorted;
}

function isSorted(keys: string[]): boolean {
  for (let i = 1; i < keys.length; i++) if ((keys[i - 1] as string) > (keys[i] as string)) return false;
  return true;
}

/** A JSON object whose top-level keys keep the given order (so `row_id` leads) while nested values are sorted. */
export function orderedJson(entries: readonly (readonly [string, unknown])[]): string {
  const members = entries.filter(([, v]) => v !== undefined).map(([k, v]) => `${JSON.stringify(k)}:${sortedJson(v)}`);
  return `{${members.join(',')}}`;
}
