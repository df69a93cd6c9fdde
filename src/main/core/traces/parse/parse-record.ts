// Owns: turning one decoded record (JSON value) into a NormalizedTrace or a diagnostic, detecting its format when asked.
// Imports: ingest types, the format parsers, plausible-facets.

import type { FormatChoice, TraceFormat } from './types.ts';
import type { RecordResult } from './diagnostics.ts';
import type { JsonObject } from './values.ts';
import { fail } from './diagnostics.ts';
import { describeType, isObject } from './values.ts';
import { parseOpenAiChat } from './formats/openai-chat.ts';
import { parsePromptResponse, promptKey } from './formats/prompt-response.ts';
import { isProviderBody, parseProviderBody } from './formats/provider-body.ts';
import { isLangfuseObservation, parseLangfuse } from './formats/langfuse.ts';
import { dropImplausibleFacets } from './plausible-facets.ts';

const PARSERS: Readonly<Record<TraceFormat, (record: JsonObject) => RecordResult>> = {
  'openai-chat': parseOpenAiChat,
  langfuse: parseLangfuse,
  'prompt-response': parsePromptResponse,
  'provider-body': parseProviderBody,
};

const EXPECTED =
  'expected one of: openai-chat {"messages": [...]}, langfuse observation {"id", "traceId", "input", "output"}, ' +
  'prompt-response {"prompt", "response"} (or input/output, question/answer, text, query, completion), ' +
  'provider-body {"request": {"messages"}, "response": {"choices"}}';

/** Parses an already-decoded JSON value. `format: 'auto'` decides per record, so mixed files import line by line. */
export function parseRecordValue(value: unknown, format: FormatChoice): RecordResult {
  if (!isObject(value)) return fail('not_an_object', `expected a JSON object per record, found ${describeType(value)}`);
  if (format !== 'auto') {
    // Guarded because formats can arrive unchecked from the CLI or IPC.
    if (!Object.hasOwn(PARSERS, format)) return fail('unknown_format', `format "${String(format)}" is not one of auto, ${Object.keys(PARSERS).join(', ')}`);
    return checked(PARSERS[format](value));
  }
  const detected = detectRecordFormat(value);
  if (detected === null) return fail('unknown_format', unknownFormatMessage(value));
  return checked(PARSERS[detected](value));
}

/** Every format's facets pass the same plausibility check, whichever field they were read from. */
function checked(result: RecordResult): RecordResult {
  if (!result.ok) return result;
  const implausible = dropImplausibleFacets(result.trace.facets);
  if (implausible.length > 0) result.trace.notices = [...result.trace.notices, ...implausible];
  return result;
}

/** Parses one record's JSON text. */
export function parseRecordText(text: string, format: FormatChoice): RecordResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return fail('invalid_json', (e as Error).message);
  }
  return parseRecordValue(value, format);
}

export function detectRecordFormat(record: JsonObject): TraceFormat | null {
  if ('messages' in record) return 'openai-chat';
  if (isProviderBody(record)) return 'provider-body';
  if (isLangfuseObservation(record)) return 'langfuse';
  if (promptKey(record) !== null) return 'prompt-response';
  // An {input, output} pair holding structured values is how Langfuse-like tracers log calls.
  if (isObject(record.input) || Array.isArray(record.input)) return 'langfuse';
  return null;
}

function unknownFormatMessage(record: JsonObject): string {
  const keys = Object.keys(record);
  const shown = keys.slice(0, 8).join(', ') + (keys.length > 8 ? `, … (${keys.length} keys)` : '');
  let hint = '';
  if (Array.isArray(record.conversations)) hint = ' This looks like ShareGPT ({conversations: [{from, value}]}): convert it to messages with roles user/assistant.';
  else if ('chosen' in record && 'rejected' in record) hint = ' This looks like a preference pair (chosen/rejected): import one side as messages.';
  else if (isObject(record.trace) && Array.isArray(record.observations)) hint = ' This looks like a Langfuse trace download: import it as a .json file.';
  return `record matches no known format (found keys: ${shown || 'none'}); ${EXPECTED}.${hint}`;
}
