// Owns: JSON text with object keys sorted at every depth, so exported bytes never depend on key insertion order.
// Imports: nothing (the datasets engine's canonical JSON follows the same rules; export may not reach into it).

/** JSON.stringify with keys sorted by UTF-16 code units at every depth; undefined members dropped. */
export function sortedJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  }) ?? 'null';
}

/** A JSON object whose top-level keys keep the given order (so `row_id` leads) while nested values are sorted. */
export function orderedJson(entries: readonly (readonly [string, unknown])[]): string {
  const members = entries.filter(([, v]) => v !== undefined).map(([k, v]) => `${JSON.stringify(k)}:${sortedJson(v)}`);
  return `{${members.join(',')}}`;
}
