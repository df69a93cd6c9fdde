// How a dataset row is stored and shown: canonical JSON of its hashed fields (the split is kept apart, so a
// frozen version's hash never depends on how it was later split), and the view the window and CLI read.
// Imports: contract types, engine (canonical JSON), platform message text, repository types.
import type { DatasetRowView, DatasetSplit } from '../../../shared/contract/index.ts';
import { canonicalRow } from './engine/canonical-json.ts';
import type { ChatMessage, DatasetRow } from './engine/types.ts';
import type { RowInsert } from './dataset-repository.ts';
import { contentText, lastUserText } from '../platform/message-text.ts';

export function encodeRow(row: DatasetRow): RowInsert {
  const { split: _split, ...content } = row;
  return {
    rowKey: Number(row.rowId),
    content: canonicalRow(content as DatasetRow),
    sourceTraceId: row.sourceTraceId,
    conversationId: row.conversationId,
    clusterId: row.clusterId,
  };
}

export function decodeRow(content: string, split: DatasetSplit | null = null): DatasetRow {
  const row = JSON.parse(content) as DatasetRow;
  if (split) row.split = split;
  return row;
}

const PREVIEW = 300;

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= PREVIEW ? flat : `${flat.slice(0, PREVIEW - 1)}…`;
}

export function responseText(m: ChatMessage): string {
  const text = contentText(m.content);
  if (text.trim() !== '' || !Array.isArray(m.tool_calls)) return text;
  return m.tool_calls
    .map((c) => {
      const f = (c as { function?: { name?: unknown; arguments?: unknown } }).function;
      return `→ ${typeof f?.name === 'string' ? f.name : 'tool'}(${typeof f?.arguments === 'string' ? f.arguments : ''})`;
    })
    .join(' ');
}

export function rowView(row: DatasetRow): DatasetRowView {
  return {
    rowKey: Number(row.rowId),
    sourceTraceId: row.sourceTraceId,
    conversationId: row.conversationId,
    turnIndex: row.turnIndex,
    clusterId: row.clusterId,
    membershipScore: row.membershipScore,
    messages: row.messages,
    tools: row.tools ?? null,
    response: row.response,
    metadata: row.metadata,
    labels: row.labels,
    expectedOutput: row.expectedOutput ?? null,
    note: row.note,
    split: row.split ?? null,
    prompt: clip(lastUserText(row.messages)),
    responseText: clip(responseText(row.response)),
  };
}
