// Owns: the request a run sends for a row: its messages with the run's system prompt in place (tools and
// response_format kept as they were). Imports: nothing (pure).

export interface RowMessage {
  role: string;
  content?: unknown;
  [extra: string]: unknown;
}

/**
 * The row's messages with every system message replaced by `systemPrompt` (one, placed first); unchanged when
 * the run does not override it.
 */
export function messagesWithSystemPrompt(messages: readonly RowMessage[], systemPrompt: string | null): RowMessage[] {
  if (systemPrompt === null) return messages.map((m) => ({ ...m }));
  return [{ role: 'system', content: systemPrompt }, ...messages.filter((m) => m.role !== 'system' && m.role !== 'developer').map((m) => ({ ...m }))];
}

/** The last user message's text, for previews and the judge. */
export function lastUserText(messages: readonly RowMessage[]): string {
  const m = [...messages].reverse().find((x) => x.role === 'user');
  const c = m?.content;
  if (typeof c === 'string') return c;
  if (Array.isArray(c)) return c.map((p) => (p && typeof p === 'object' && 'text' in p ? String((p as { text: unknown }).text) : '')).join('\n');
  return c === undefined || c === null ? '' : JSON.stringify(c);
}
