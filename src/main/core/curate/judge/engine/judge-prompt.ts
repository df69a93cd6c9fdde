// The judge's prompt for one row: the rubric, the dataset's task description and the cluster's rules as
// context, the conversation rendered readably, and the reply shape. Pure: the estimate counts tokens over exactly
// these messages. Imports: nothing.

export const PROMPT_VERSION = 1;

export const DEFAULT_RUBRIC = `Score the assistant's final response, each from 0 to 1:
- helpfulness: does it actually do what the user asked, correctly and completely? A refusal of a reasonable request, a wrong answer or a truncated one scores low.
- relevance: does it stay on the user's request and on the task below, without padding or drifting?
- format: is it in the form the request and the task call for (valid JSON when JSON was asked for, code in code blocks, the requested length and structure)?
- overall: would you keep this exact exchange as a reference example for the task? Weigh helpfulness most.
Use the full range: 0.9+ only for an answer you would show as a model example, below 0.5 for one you would drop.`;

/** A cluster's rules, as the judge reads them. */
export interface ClusterContext {
  name: string;
  description: string | null;
  includeRule: string | null;
  excludeRule: string | null;
}

export interface JudgeRowInput {
  messages: readonly { role: string; content?: unknown; tool_calls?: unknown[]; name?: string; tool_call_id?: string }[];
  tools?: readonly unknown[] | undefined;
  response: { content?: unknown; tool_calls?: unknown[] };
}

export interface JudgeMessage {
  role: 'system' | 'user';
  content: string;
}

/** Longest rendering of one message; longer text keeps its head and tail (what a reader would check). */
const MAX_MESSAGE_CHARS = 6000;
/** Longest rendering of the conversation before the response; older turns are dropped first. */
const MAX_CONVERSATION_CHARS = 24_000;

function textOf(content: unknown): string {
  if (content === null || content === undefined) return '';
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((p) => {
        if (p && typeof p === 'object' && (p as { type?: unknown }).type === 'text') return String((p as { text?: unknown }).text ?? '');
        return `[${String((p as { type?: unknown })?.type ?? 'part')}]`;
      })
      .join('\n');
  }
  return JSON.stringify(content);
}

function clip(text: string, max = MAX_MESSAGE_CHARS): string {
  if (text.length <= max) return text;
  const half = Math.floor((max - 40) / 2);
  return `${text.slice(0, half)}\n[… ${text.length - 2 * half} characters omitted …]\n${text.slice(-half)}`;
}

function renderToolCalls(calls: unknown[] | undefined): string {
  if (!calls || calls.length === 0) return '';
  return calls
    .map((c) => {
      const f = (c as { function?: { name?: unknown; arguments?: unknown } })?.function;
      return `[tool call ${String(f?.name ?? '?')}(${clip(String(f?.arguments ?? ''), 2000)})]`;
    })
    .join('\n');
}

function renderMessage(m: JudgeRowInput['messages'][number]): string {
  const who = m.role === 'tool' ? `tool result${m.name ? ` ${m.name}` : ''}` : m.role;
  const body = [clip(textOf(m.content)), renderToolCalls(m.tool_calls)].filter(Boolean).join('\n');
  return `[${who}]\n${body || '(empty)'}`;
}

export function renderConversation(messages: JudgeRowInput['messages']): string {
  const parts = messages.map(renderMessage);
  let total = parts.reduce((n, p) => n + p.length + 2, 0);
  let dropped = 0;
  // Keep the system prompt and the latest turns: the judge needs the request being answered most.
  while (total > MAX_CONVERSATION_CHARS && parts.length - dropped > 2) {
    const i = messages[0]?.role === 'system' ? 1 + dropped : dropped;
    total -= parts[i]!.length + 2;
    parts[i] = '';
    dropped++;
  }
  const kept = parts.filter(Boolean);
  if (dropped > 0) kept.splice(messages[0]?.role === 'system' ? 1 : 0, 0, `[… ${dropped} earlier messages omitted …]`);
  return kept.join('\n\n');
}

export function renderResponse(response: JudgeRowInput['response']): string {
  return [clip(textOf(response.content)), renderToolCalls(response.tool_calls)].filter(Boolean).join('\n') || '(empty)';
}

export function contextText(taskDescription: string, cluster: ClusterContext | null): string {
  const lines: string[] = [];
  if (taskDescription.trim()) lines.push(`Task of this dataset: ${taskDescription.trim()}`);
  if (cluster) {
    lines.push(`Cluster: ${cluster.name}${cluster.description ? ` — ${cluster.description}` : ''}`);
    if (cluster.includeRule) lines.push(`Belongs in it: ${cluster.includeRule}`);
    if (cluster.excludeRule) lines.push(`Does not belong: ${cluster.excludeRule}`);
  }
  return lines.join('\n');
}

const REPLY_SHAPE = `Reply with only a JSON object, no other text:
{"helpfulness": 0.0-1.0, "relevance": 0.0-1.0, "format": 0.0-1.0, "overall": 0.0-1.0, "rationale": "one sentence saying why"}`;

/** The messages sent for one row (the cluster part of the context is per row; the rest is per dataset). */
export function judgeMessages(rubric: string, taskDescription: string, cluster: ClusterContext | null, row: JudgeRowInput): JudgeMessage[] {
  const context = contextText(taskDescription, cluster);
  const system = `You judge examples for a dataset of LLM conversations.\n\n${rubric.trim()}\n\n${REPLY_SHAPE}`;
  const tools = row.tools && row.tools.length > 0 ? `\n\nTools offered to the assistant: ${clip(JSON.stringify(row.tools), 3000)}` : '';
  const user = `${context ? `${context}\n\n` : ''}Conversation:\n${renderConversation(row.messages)}${tools}\n\nAssistant response to judge:\n${renderResponse(row.response)}`;
  return [
    { role: 'system', content: system },
    { role: 'user', content: user },
  ];
}

/** A typical reply, for the estimate of output tokens. */
export const TYPICAL_REPLY = JSON.stringify({
  helpfulness: 0.85,
  relevance: 0.9,
  format: 0.8,
  overall: 0.85,
  rationale: 'The answer addresses the request correctly and concisely, though it omits one detail the user asked about.',
});

/** The cap on each reply (max_tokens): a JSON object with one sentence needs far less. */
export const MAX_REPLY_TOKENS = 300;
