// Prompts for generation read from a file's text: JSONL of {"prompt": ...} or {"messages": [...]} objects, or
// plain text with one prompt per line. Pure: text in, chat messages out, errors a person can act on.
// Imports: nothing.

export interface PromptMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export class PromptFileError extends Error {}

const ROLES = new Set(['system', 'user', 'assistant']);

function messagesOf(value: unknown, line: number): PromptMessage[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new PromptFileError(`line ${line}: expected an object with "prompt" or "messages"`);
  const o = value as { prompt?: unknown; messages?: unknown };
  if (typeof o.prompt === 'string') {
    if (!o.prompt.trim()) throw new PromptFileError(`line ${line}: "prompt" is empty`);
    return [{ role: 'user', content: o.prompt }];
  }
  if (Array.isArray(o.messages)) {
    const out = o.messages.map((m, i) => {
      const msg = m as { role?: unknown; content?: unknown };
      if (typeof msg?.role !== 'string' || !ROLES.has(msg.role) || typeof msg.content !== 'string') {
        throw new PromptFileError(`line ${line}: messages[${i}] needs a role (system, user or assistant) and text content`);
      }
      return { role: msg.role as PromptMessage['role'], content: msg.content };
    });
    if (out.length === 0 || out[out.length - 1]!.role !== 'user') throw new PromptFileError(`line ${line}: "messages" must end with a user message (the prompt to answer)`);
    return out;
  }
  throw new PromptFileError(`line ${line}: expected "prompt" (text) or "messages" (a chat)`);
}

/**
 * The prompts of a file. A file whose first non-blank line starts with "{" is JSONL; otherwise every non-blank
 * line is one prompt. Blank lines are skipped.
 */
export function parsePrompts(text: string): PromptMessage[][] {
  const lines = text.split(/\r?\n/);
  const first = lines.find((l) => l.trim() !== '');
  if (first === undefined) throw new PromptFileError('the file holds no prompts');
  const jsonl = first.trimStart().startsWith('{');
  const out: PromptMessage[][] = [];
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    if (!jsonl) {
      out.push([{ role: 'user', content: line }]);
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      throw new PromptFileError(`line ${i + 1}: not valid JSON (${(e as Error).message})`);
    }
    out.push(messagesOf(value, i + 1));
  });
  return out;
}
