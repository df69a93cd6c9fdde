// Owns: what lands in NormalizedTrace.metadata (the record's metadata plus its unrecognised top-level fields) and record ids.
// Imports: values, field-scan.

import type { JsonObject } from './values.ts';
import { idString, isObject, setOwn } from './values.ts';
import type { FieldHits } from './field-scan.ts';
import { F_CONVERSATION, F_ID } from './field-scan.ts';

/**
 * The record's `metadata` object, with every top-level field the format does not own merged underneath it,
 * so nothing the file carried is dropped. Keys in `metadata` win over top-level keys of the same name.
 */
export function recordMetadata(record: JsonObject, ownKeys: ReadonlySet<string>): JsonObject {
  const meta = record.metadata;
  let extras: JsonObject | null = null;
  for (const key in record) {
    if (ownKeys.has(key)) continue;
    extras ??= {};
    setOwn(extras, key, record[key]);
  }
  if (isObject(meta)) return extras ? { ...extras, ...meta } : meta;
  if (meta !== undefined && meta !== null) {
    extras ??= {};
    extras.metadata = meta;
  }
  return extras ?? {};
}

export function sourceIdOf(hits: FieldHits): string | null {
  return idString(hits.values[F_ID]);
}

export function conversationIdOf(hits: FieldHits): string | null {
  return idString(hits.values[F_CONVERSATION]);
}
