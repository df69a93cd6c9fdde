// Owns: turning one decoded record (JSON value) into a NormalizedTrace or a diagnostic, detecting its format when asked.
// Imports: ingest types, the format parsers, plausible-facets, nesting.

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
import { MAX_NESTING, nestsDeeperThan } from './nesting.ts';

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

/**
 * Every format's facets pass the same plausibility check, whichever field they were read from, and every trace
 * is measured for nesting too deep to show or send as a value.
 */
function checked(result: RecordResult): RecordResult {
  if (!result.ok) return result;
  const trace = result.trace;
  const extra = dropImplausibleFacets(trace.facets);
  const deep = (
    [
      ['messages', trace.messages],
      ['tools', trace.tools],
      ['response_format', trace.responseFormat],
      ['metadata', trace.metadata],
    ] as const
  )
    .filter(([, value]) => nestsDeeperThan(value, MAX_NESTING))
    .map(([name]) => name);
  if (deep.length > 0) {
    extra.push({
      code: 'deep_nesting',
      message: `${deep.join(' and ')} ${deep.length === 1 ? 'nests' : 'nest'} more than ${MAX_NESTING} levels deep; kept whole in the raw text, cut at that depth where shown`,
    });
  }
  if (extra.length > 0) trace.notices = [...trace.notices, ...extra];
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
