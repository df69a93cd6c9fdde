// Replaces a row's PII with placeholders: <EMAIL_1> stands for the same address everywhere in the row (every
// message, tool call and the response), numbered per type in order of first appearance.
// Imports: ../curate-row.ts, ../row-text.ts, ./pii-span.ts, ./row-pii.ts.

import type { AssistantResponse, ChatMessage, CurateRow, MessageContent, ToolCall } from '../curate-row.ts';
import type { TextLocation } from '../row-text.ts';
import type { PiiType } from './pii-span.ts';
import { findRowPii, type RowPiiSpan } from './row-pii.ts';

export interface RedactedRow {
  row: CurateRow;
  spans: RowPiiSpan[];
  /** Placeholder -> the original value it stands for (first spelling seen), for a reviewer with access. */
  placeholders: Map<string, string>;
}

/** Two spellings of one value share a placeholder: "+1 (415) 555-2671" and "415.555.2671" are one phone. */
function identity(type: PiiType, value: string): string {
  switch (type) {
    case 'EMAIL':
      return value.toLowerCase();
    case 'PHONE':
      return value.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');
    case 'CREDIT_CARD':
    case 'US_SSN':
      return value.replace(/\D/g, '');
    case 'IBAN':
      return value.replace(/\s/g, '').toUpperCase();
    case 'IP_ADDRESS':
      return value.toLowerCase();
    default:
      return value.replace(/\s+/g, ' ');
  }
}

const locationKey = (l: TextLocation): string => `${l.message}/${l.part ?? '-'}/${l.toolCall ?? '-'}`;

function replaceSpans(text: string, spans: readonly RowPiiSpan[], names: readonly string[]): string {
  let out = '';
  let at = 0;
  spans.forEach((s, i) => {
    out += text.slice(at, s.start) + names[i]!;
    at = s.end;
  });
  return out + text.slice(at);
}

export function redactRow(row: CurateRow, types?: ReadonlySet<PiiType>): RedactedRow {
  const spans = findRowPii(row, types);
  const placeholders = new Map<string, string>();
  if (!spans.length) return { row, spans, placeholders };

  const byIdentity = new Map<string, string>();
  const perType = new Map<PiiType, number>();
  const names = spans.map((s) => {
    const key = `${s.type}\u0000${identity(s.type, s.value)}`;
    let name = byIdentity.get(key);
    if (!name) {
      const n = (perType.get(s.type) ?? 0) + 1;
      perType.set(s.type, n);
      name = `<${s.type}_${n}>`;
      byIdentity.set(key, name);
      placeholders.set(name, s.value);
    }
    return name;
  });

  // Spans arrive field by field, in order within each field.
  const byField = new Map<string, { spans: RowPiiSpan[]; names: string[] }>();
  spans.forEach((s, i) => {
    const k = locationKey(s.location);
    let f = byField.get(k);
    if (!f) byField.set(k, (f = { spans: [], names: [] }));
    f.spans.push(s);
    f.names.push(names[i]!);
  });
  const redact = (message: number | 'response', part: number | null, toolCall: number | null, text: string): string => {
    const f = byField.get(locationKey({ message, part, toolCall }));
    return f ? replaceSpans(text, f.spans, f.names) : text;
  };
  const content = (message: number | 'response', c: MessageContent): MessageContent => {
    if (typeof c === 'string') return redact(message, null, null, c);
    if (!Array.isArray(c)) return c;
    return c.map((p, i) => (p.type === 'text' && typeof p.text === 'string' ? { ...p, text: redact(message, i, null, p.text) } : p));
  };
  const calls = (message: number | 'response', list: ToolCall[] | undefined): ToolCall[] | undefined =>
    list?.map((c, i) => ({ ...c, function: { ...c.function, arguments: redact(message, null, i, c.function.arguments) } }));

  const messages: ChatMessage[] = row.messages.map((m, i) => {
    const copy: ChatMessage = { ...m, content: content(i, m.content) };
    const tc = calls(i, m.tool_calls);
    if (tc) copy.tool_calls = tc;
    return copy;
  });
  let response: AssistantResponse | null = null;
  if (row.response) {
    response = { ...row.response, content: content('response', row.response.content) };
    const tc = calls('response', row.response.tool_calls);
    if (tc) response.tool_calls = tc;
  }
  return { row: { ...row, messages, response }, spans, placeholders };
}
