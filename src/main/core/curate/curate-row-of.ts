// Turns a stored dataset row (and its trace's facts) into the row shape the curation engine reads, and a
// redacted engine row back into the dataset row. Imports: datasets index (row type), curate engine types.
import type { DatasetRow } from '../datasets/index.ts';
import type { AssistantResponse, ChatMessage, CurateRow } from './engine/index.ts';
import type { TraceFacts } from './trace-facts-repository.ts';

export function curateRowOf(row: DatasetRow, facts: TraceFacts | undefined): CurateRow {
  const out: CurateRow = {
    id: String(row.rowId),
    messages: row.messages as unknown as ChatMessage[],
    response: row.response as unknown as AssistantResponse,
    // A trace with no recorded status is taken as successful, as promotion does.
    status: facts?.status ?? 'ok',
    finishReason: facts?.finishReason ?? null,
    clusterId: row.clusterId === null ? null : String(row.clusterId),
    membershipScore: row.membershipScore,
  };
  if (row.tools) out.tools = row.tools;
  if (facts?.responseFormat !== null && facts?.responseFormat !== undefined) out.responseFormat = facts.responseFormat;
  return out;
}

/** The engine copies every field it does not redact, so messages and response keep their role and extras. */
export function withRedaction(row: DatasetRow, redacted: CurateRow): DatasetRow {
  return { ...row, messages: redacted.messages as unknown as DatasetRow['messages'], response: redacted.response as unknown as DatasetRow['response'] };
}
