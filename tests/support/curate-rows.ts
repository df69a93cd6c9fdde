// Builds curation-engine rows for tests: a user prompt and an answer, with everything else defaulted.
// Imports: the engine's row type.
import type { AssistantResponse, CurateRow } from '../../src/main/core/curate/engine/curate-row.ts';

let next = 0;

export function row(over: Partial<CurateRow> = {}): CurateRow {
  return {
    id: `r${next++}`,
    messages: [{ role: 'user', content: 'What is the capital of France?' }],
    response: { content: 'The capital of France is Paris.' },
    status: 'ok',
    finishReason: 'stop',
    clusterId: null,
    membershipScore: null,
    ...over,
  };
}

/** A row whose answer is the given text (or response object). */
export function answer(content: string | AssistantResponse | null, over: Partial<CurateRow> = {}): CurateRow {
  const response = content === null ? null : typeof content === 'string' ? { content } : content;
  return row({ response, ...over });
}
