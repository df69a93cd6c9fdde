// Reads OpenAI-chat-shaped messages (as stored, unknown fields kept) into what the conversation view shows.
// Imports: nothing; pure functions, so they are easy to test against odd real-world records.

export interface ToolCallView {
  id: string | null;
  name: string;
  /** Pretty-printed when the arguments are JSON, verbatim otherwise. */
  args: string;
}

export type PartView = { kind: 'text'; text: string } | { kind: 'image'; ref: string } | { kind: 'other'; json: string };

export interface MessageView {
  role: string;
  name: string | null;
  parts: PartView[];
  toolCalls: ToolCallView[];
  toolCallId: string | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export function prettyJson(value: unknown): string {
  if (typeof value === 'string') {
    try {
      return JSON.stringify(JSON.parse(value), null, 2);
    } catch {
      return value;
    }
  }
  return JSON.stringify(value, null, 2) ?? String(value);
}

function readParts(content: unknown): PartView[] {
  if (content === null || content === undefined) return [];
  if (typeof content === 'string') return content ? [{ kind: 'text', text: content }] : [];
  if (!Array.isArray(content)) return [{ kind: 'other', json: prettyJson(content) }];
  return content.map((part): PartView => {
    if (typeof part === 'string') return { kind: 'text', text: part };
    if (isRecord(part)) {
      const text = str(part.text) ?? (isRecord(part.text) ? str(part.text.value) : null);
      if (text !== null && (part.type === 'text' || part.type === 'input_text' || part.type === 'output_text' || part.type === undefined)) return { kind: 'text', text };
      if (part.type === 'image_url') {
        const url = isRecord(part.image_url) ? str(part.image_url.url) : str(part.image_url);
        // Never load it: images may be remote, and the CSP keeps the window offline anyway.
        return { kind: 'image', ref: url && url.startsWith('data:') ? `${url.slice(0, 40)}… (inline image)` : (url ?? 'image') };
      }
    }
    return { kind: 'other', json: prettyJson(part) };
  });
}

function readToolCalls(calls: unknown): ToolCallView[] {
  if (!Array.isArray(calls)) return [];
  return calls.map((call) => {
    const fn = isRecord(call) && isRecord(call.function) ? call.function : null;
    return {
      id: isRecord(call) ? str(call.id) : null,
      name: (fn && str(fn.name)) ?? (isRecord(call) ? str(call.name) : null) ?? 'tool',
      args: prettyJson(fn ? fn.arguments : isRecord(call) ? (call.arguments ?? call.input ?? '') : call),
    };
  });
}

export function readMessage(message: Record<string, unknown>): MessageView {
  return {
    role: str(message.role) ?? 'unknown',
    name: str(message.name),
    parts: readParts(message.content),
    toolCalls: readToolCalls(message.tool_calls),
    toolCallId: str(message.tool_call_id),
  };
}

/** tool_call_id -> tool name, so a tool result can say which call it answers. */
export function toolNamesById(messages: MessageView[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const m of messages) for (const c of m.toolCalls) if (c.id) names.set(c.id, c.name);
  return names;
}
