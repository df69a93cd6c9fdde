// Parses an answer that should be JSON, saying why not when it is not.
// Imports: nothing.

export type JsonAnswer = { ok: true; value: unknown; fenced: boolean } | { ok: false; reason: string };

/** The whole answer is one fenced block: ```json ... ``` (the language tag is optional). */
const WHOLE_FENCE = /^```[a-zA-Z0-9_-]*[ \t]*\r?\n([\s\S]*?)\r?\n?```$/;

/**
 * JSON mode returns bare JSON, so by default a fenced answer fails: a dataset that keeps it would teach a model
 * to wrap JSON in Markdown, which breaks the callers that parse it. `allowFenced` accepts an answer that is
 * exactly one fenced block, for endpoints that fence JSON when asked for it in the prompt.
 */
export function parseJsonAnswer(text: string, allowFenced: boolean): JsonAnswer {
  let body = text.trim();
  if (!body) return { ok: false, reason: 'response is empty, not JSON' };
  const fence = WHOLE_FENCE.exec(body);
  if (fence) {
    if (!allowFenced) return { ok: false, reason: 'response wraps its JSON in a ``` fence; JSON mode expects bare JSON' };
    body = fence[1]!.trim();
  }
  try {
    return { ok: true, value: JSON.parse(body), fenced: fence !== null };
  } catch (e) {
    return { ok: false, reason: `response is not valid JSON (${(e as Error).message})` };
  }
}
