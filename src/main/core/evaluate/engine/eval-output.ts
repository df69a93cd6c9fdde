// Owns: what a model said (text and tool calls) and what a row expects, in one comparable shape.
// Imports: nothing (pure).

export interface ToolCallOut {
  name: string;
  /** The arguments as JSON text, as the model wrote them. */
  arguments: string;
}

/** A model's answer, or a row's expected/original answer, as the metrics compare it. */
export interface Answer {
  text: string;
  toolCalls: ToolCallOut[];
}

function textOfContent(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((p) => (p && typeof p === 'object' && 'text' in p ? String((p as { text: unknown }).text) : '')).join('\n');
  return content === null || content === undefined ? '' : JSON.stringify(content);
}

function toolCallsOf(message: Record<string, unknown>): ToolCallOut[] {
  const calls = Array.isArray(message.tool_calls) ? message.tool_calls : [];
  return calls.flatMap((c: unknown) => {
    const fn = c && typeof c === 'object' ? (c as { function?: { name?: unknown; arguments?: unknown } }).function : undefined;
    if (!fn || typeof fn.name !== 'string') return [];
    const args = typeof fn.arguments === 'string' ? fn.arguments : JSON.stringify(fn.arguments ?? {});
    return [{ name: fn.name, arguments: args }];
  });
}

/** An assistant message in OpenAI chat shape as an Answer. */
export function answerOfMessage(message: Record<string, unknown>): Answer {
  return { text: textOfContent(message.content), toolCalls: toolCallsOf(message) };
}

/**
 * What a row expects: its expected output when one was set (a string, an assistant message, or any JSON value,
 * compared as JSON), else its original response.
 */
export function expectedAnswer(expectedOutput: unknown, response: Record<string, unknown>): Answer {
  if (expectedOutput === null || expectedOutput === undefined) return answerOfMessage(response);
  if (typeof expectedOutput === 'string') return { text: expectedOutput, toolCalls: [] };
  if (typeof expectedOutput === 'object' && !Array.isArray(expectedOutput) && (expectedOutput as { role?: unknown }).role === 'assistant') {
    return answerOfMessage(expectedOutput as Record<string, unknown>);
  }
  return { text: JSON.stringify(expectedOutput), toolCalls: [] };
}

/** The text shown and exported for an answer: its content, else its tool calls as JSON. */
export function displayText(a: Answer): string {
  if (a.text !== '' || a.toolCalls.length === 0) return a.text;
  return JSON.stringify(a.toolCalls.map((c) => ({ name: c.name, arguments: c.arguments })));
}
