// `invalid_json`: when the request asked for JSON (json_object or json_schema), drops answers that do not parse
// or do not satisfy the schema. Imports: ../curate-row.ts, ../filter-verdict.ts, ../row-text.ts, ./json-*.ts, ./response-format.ts.

import type { CurateRow } from '../curate-row.ts';
import { dropVerdict, type RowVerdictOrNull } from '../filter-verdict.ts';
import { responseText } from '../row-text.ts';
import { parseJsonAnswer } from './json-answer.ts';
import { checkSchema } from './json-schema-check.ts';
import { readJsonRequest } from './response-format.ts';

export interface InvalidJsonOptions {
  /** Accept an answer that is exactly one ```json fenced block. Default false: JSON mode answers are bare. */
  allowFenced: boolean;
}

export function checkInvalidJson(row: CurateRow, options: InvalidJsonOptions): RowVerdictOrNull {
  const request = readJsonRequest(row.responseFormat);
  if (!request) return null;
  // An answer made only of tool calls has no content for the format to govern.
  if (row.response?.tool_calls?.length && !responseText(row).trim()) return null;
  const parsed = parseJsonAnswer(responseText(row), options.allowFenced);
  if (!parsed.ok) return dropVerdict('invalid_json', parsed.reason);
  if (request.kind === 'json_object') {
    const v = parsed.value;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? null : dropVerdict('invalid_json', 'response is JSON but not an object, as json_object mode requires');
  }
  const check = checkSchema(request.schema, parsed.value);
  const name = request.name ? ` "${request.name}"` : '';
  if ('unsupported' in check) {
    return { drop: false, filter: 'invalid_json', reason: `valid JSON; schema${name} not checked (${check.unsupported})` };
  }
  return check.ok ? null : dropVerdict('invalid_json', `response does not match schema${name} at ${check.reason}`);
}
