// Owns: measuring and cutting how deeply a parsed value nests, so a pathological record (arrays 10,000 deep in its
// metadata) can still be stored, shown and sent between threads and to the window. Imports: values.

import { isObject, setOwn } from './values.ts';

/**
 * Deepest nesting of objects and arrays shown or sent as parsed values. V8's structured clone (Electron IPC,
 * worker messages) and JSON.stringify recurse and overflow the stack a few thousand levels down, and the
 * DevTools protocol (Playwright's page bridge in the browser tests) drops a value past about 146 levels, so a
 * trace detail (parts sit about 5 levels inside it) must stay well under that. Real traces nest under about 30
 * (JSON schemas of tools nest deepest).
 */
export const MAX_NESTING = 100;

/** What stands in for the objects and arrays below MAX_NESTING wherever a trace is cut. */
export const DEEP_MARKER = `[nested deeper than ${MAX_NESTING} levels: see the raw text]`;

/** True when objects and arrays nest more than `limit` levels (the value itself is level 1). Stops at the limit. */
export function nestsDeeperThan(value: unknown, limit: number = MAX_NESTING): boolean {
  return deeper(value, limit);
}

function deeper(value: unknown, left: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (left === 0) return true;
  if (Array.isArray(value)) {
    for (const v of value) if (deeper(v, left - 1)) return true;
  } else {
    for (const key in value) if (deeper((value as Record<string, unknown>)[key], left - 1)) return true;
  }
  return false;
}

/** A copy whose objects and arrays below `limit` levels are replaced by `marker`; shallower values are shared. */
export function cutNesting(value: unknown, marker: string, limit: number = MAX_NESTING): unknown {
  return cut(value, limit, marker);
}

function cut(value: unknown, left: number, marker: string): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (left === 0) return marker;
  if (!deeper(value, left)) return value;
  if (Array.isArray(value)) return value.map((v) => cut(v, left - 1, marker));
  const out: Record<string, unknown> = {};
  if (isObject(value)) for (const key in value) setOwn(out, key, cut(value[key], left - 1, marker));
  return out;
}
