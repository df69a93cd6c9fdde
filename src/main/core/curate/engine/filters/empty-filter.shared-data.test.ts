// The empty filter on the malformed-file fixture (../shared/data/malformed, skipped when absent): line 28 has an
// assistant turn whose content is "", line 16 a real one-line answer.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedFile } from '../../../../../../tests/support/shared-data.ts';
import type { ChatMessage, CurateRow } from '../curate-row.ts';
import { checkEmpty } from './empty-filter.ts';

const path = sharedFile('malformed/malformed_openai_chat.jsonl');
const present = existsSync(path);
if (!present) console.warn(`[skip] ${path} is absent: the empty filter is not checked on it`);

function rowFromLine(line: string, id: string): CurateRow {
  const messages = (JSON.parse(line) as { messages: ChatMessage[] }).messages;
  const last = messages[messages.length - 1]!;
  return { id, messages: messages.slice(0, -1), response: { content: last.content }, status: 'ok', finishReason: 'stop', clusterId: null, membershipScore: null };
}

describe.skipIf(!present)('empty filter on the malformed fixture', () => {
  it('drops the empty assistant turn and keeps the short real one', () => {
    const lines = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(checkEmpty(rowFromLine(lines[27]!, 'line 28'))?.reason).toBe('response content is an empty string');
    expect(checkEmpty(rowFromLine(lines[15]!, 'line 16'))).toBeNull();
  });
});
