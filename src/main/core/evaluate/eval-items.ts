// The rows of a run as the runner and the result views use them: the request to send (the run's system prompt
// in place, tools and the trace's response_format kept), what is expected, the original answer and the row's
// own evaluators. Imports: datasets and curate indexes (version rows, trace facts), this domain's engine.
import type { TraceFactsRepository } from '../curate/index.ts';
import type { VersionAccess, VersionHandle } from '../datasets/index.ts';
import { answerOfMessage, expectedAnswer, type Answer } from './engine/eval-output.ts';
import { lastUserText, messagesWithSystemPrompt, type RowMessage } from './engine/eval-request.ts';

export interface EvalItem {
  rowKey: number;
  messages: RowMessage[];
  tools: unknown[] | null;
  responseFormat: Record<string, unknown> | null;
  prompt: string;
  expected: Answer;
  expectedValue: unknown;
  original: Answer;
  originalMessage: Record<string, unknown>;
}

export function loadItems(versions: VersionAccess, facts: Pick<TraceFactsRepository, 'facts'>, handle: VersionHandle, systemPrompt: string | null): EvalItem[] {
  const items: EvalItem[] = [];
  for (const page of versions.rows(handle)) {
    const formats = facts.facts(page.map((r) => r.sourceTraceId));
    for (const r of page) {
      const format = formats.get(r.sourceTraceId)?.responseFormat;
      items.push({
        rowKey: Number(r.rowId),
        messages: messagesWithSystemPrompt(r.messages, systemPrompt),
        tools: r.tools && r.tools.length > 0 ? r.tools : null,
        responseFormat: format && typeof format === 'object' ? (format as Record<string, unknown>) : null,
        prompt: lastUserText(r.messages),
        expected: expectedAnswer(r.expectedOutput, r.response),
        expectedValue: r.expectedOutput ?? null,
        original: answerOfMessage(r.response),
        originalMessage: r.response,
      });
    }
  }
  return items;
}
