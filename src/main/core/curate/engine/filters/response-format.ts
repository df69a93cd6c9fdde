// Reads a request's `response_format` (Chat Completions) or `text.format` (Responses API) into what it asks for.
// Imports: nothing.

export type JsonRequest = { kind: 'json_object' } | { kind: 'json_schema'; name: string | null; schema: unknown };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** What JSON the request asked for, or null when it asked for text (or nothing). */
export function readJsonRequest(responseFormat: unknown): JsonRequest | null {
  if (!isRecord(responseFormat)) return null;
  if (responseFormat.type === 'json_object') return { kind: 'json_object' };
  if (responseFormat.type !== 'json_schema') return null;
  // Chat Completions nests the schema under json_schema; the Responses API puts it beside `type`.
  const holder = isRecord(responseFormat.json_schema) ? responseFormat.json_schema : responseFormat;
  const name = typeof holder.name === 'string' ? holder.name : null;
  return { kind: 'json_schema', name, schema: holder.schema ?? {} };
}
