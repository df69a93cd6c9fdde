// Owns: the langfuse record format: one exported observation (generation, span, ...) with its facets.
// Imports: ingest types, shared helpers, langfuse-messages, langfuse-parts.

import type { ChatMessage, Facets } from '../types.ts';
import type { RecordResult } from '../diagnostics.ts';
import type { JsonObject } from '../values.ts';
import { fail } from '../diagnostics.ts';
import { checkConversation } from '../check-conversation.ts';
import { pick, spanMs, statusOf, toEpochMs, usageTokens } from '../facets.ts';
import { conversationIdOf } from '../record-metadata.ts';
import { scanFields } from '../field-scan.ts';
import { providerFromModel } from '../provider-from-model.ts';
import { idString, isObject, nonEmptyString, parseJsonText, toNumber } from '../values.ts';
import { convertSide } from './langfuse-messages.ts';
import { normalizeTools } from './langfuse-parts.ts';

const OBSERVATION_TYPES = new Set(['GENERATION', 'SPAN', 'EVENT', 'TOOL', 'AGENT', 'CHAIN', 'RETRIEVER', 'EMBEDDING', 'EVALUATOR', 'GUARDRAIL']);
const STANDARD_ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool']);

/** Fields only a Langfuse observation has, beside its input/output. */
export function isLangfuseObservation(record: JsonObject): boolean {
  if (!('input' in record) && !('output' in record)) return false;
  return (
    typeof record.traceId === 'string' ||
    'startTime' in record ||
    'parentObservationId' in record ||
    (typeof record.type === 'string' && OBSERVATION_TYPES.has(record.type))
  );
}

export function parseLangfuse(record: JsonObject): RecordResult {
  if (!('input' in record) && !('output' in record)) return fail('invalid_record', 'observation has neither input nor output');
  const input = convertSide(record.input, 'input');
  const output = convertSide(record.output, 'output');
  const messages = resolveToolRoles([...input.messages, ...output.messages]);
  for (let i = 0; i < messages.length; i++) {
    const role = (messages[i] as ChatMessage).role;
    if (!STANDARD_ROLES.has(role)) {
      return fail('unknown_role', `message ${i} has role "${role}"; expected system, developer, user, assistant, tool (or model, human, ai)`);
    }
  }
  const verdict = checkConversation(messages);
  if (!verdict.ok) {
    if (verdict.error.code === 'no_user_turn' && (record.input === null || record.input === undefined)) {
      return fail('no_user_turn', 'observation has no input, and its output holds no user message');
    }
    return verdict;
  }

  const parsedMeta = parseJsonText(record.metadata);
  const meta = isObject(parsedMeta) ? parsedMeta : null;
  const tools = input.tools ?? output.tools ?? normalizeTools(meta?.tools) ?? definitionsList(record.toolDefinitions);
  const facets = observationFacets(record, meta, output.model ?? input.model, output.finishReason, output.usage);

  return {
    ok: true,
    trace: {
      format: 'langfuse',
      sourceId: idString(record.id),
      conversationId: idString(record.traceId) ?? idString(record.sessionId) ?? conversationIdOf(scanFields(record, meta)),
      messages,
      tools,
      responseFormat: null,
      metadata: observationMetadata(record, parsedMeta),
      facets,
      notices: verdict.notices,
    },
  };
}

/**
 * Some tracers (LangChain JS) log a tool result under the tool's name as its role. When that name was
 * just called by the assistant, the message is that call's result.
 */
function resolveToolRoles(messages: ChatMessage[]): ChatMessage[] {
  const calls = new Map<string, string>();
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i] as ChatMessage;
    if (m.role === 'assistant' && Array.isArray(m.tool_calls)) {
      for (const tc of m.tool_calls) {
        if (isObject(tc) && isObject(tc.function) && typeof tc.function.name === 'string') calls.set(tc.function.name, typeof tc.id === 'string' ? tc.id : '');
      }
    } else if (!STANDARD_ROLES.has(m.role) && calls.has(m.role)) {
      const result: ChatMessage = { role: 'tool', content: m.content, tool_call_id: calls.get(m.role) as string, name: m.role };
      messages[i] = result;
    }
  }
  return messages;
}

function definitionsList(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return normalizeTools(value);
  if (isObject(value)) return normalizeTools(Object.values(value));
  return null;
}

const PROVIDER_ATTRIBUTES = ['gen_ai.system', 'gen_ai.provider.name', 'ai.model.provider', 'llm.provider', 'llm.system'];
const PROVIDER_ALIASES = new Map<string, string>([
  ['gcp', 'google'],
  ['vertex_ai', 'google'],
  ['google_genai', 'google'],
  ['gemini', 'google'],
  ['aws', 'amazon'],
  ['bedrock', 'amazon'],
  ['az', 'azure'],
]);

/**
 * Task falls back from metadata.task / task to the prompt name, then to the observation name
 * (the generation name is how Langfuse users group calls).
 */
function observationFacets(record: JsonObject, meta: JsonObject | null, outputModel: string | null, finishReason: string | null, outputUsage: JsonObject | null): Facets {
  const model = nonEmptyString(record.model) ?? nonEmptyString(meta?.model) ?? outputModel;
  const tokens = observationTokens(record, outputUsage);
  const start = record.startTime ?? record.timestamp;
  const latencySeconds = toNumber(record.latency);
  return {
    environment: nonEmptyString(record.environment) ?? nonEmptyString(meta?.environment),
    task: nonEmptyString(meta?.task) ?? nonEmptyString(record.task) ?? nonEmptyString(record.promptName) ?? nonEmptyString(record.name),
    // The model name beats tracer attributes, which sometimes name the framework rather than the provider.
    provider: nonEmptyString(pick(record, meta, ['provider'])) ?? providerFromModel(model) ?? attributeProvider(meta),
    model,
    status: statusOf(record, meta),
    timestamp: toEpochMs(start ?? record.createdAt),
    latencyMs: spanMs(start, record.endTime) ?? (latencySeconds !== null ? Math.round(latencySeconds * 1000) : null),
    promptTokens: tokens.prompt,
    completionTokens: tokens.completion,
    totalTokens: tokens.total,
    cost: observationCost(record, meta),
    finishReason: finishReason ?? nonEmptyString(pick(record, meta, ['finish_reason', 'finishReason'])),
  };
}

function attributeProvider(meta: JsonObject | null): string | null {
  const attributes = meta && isObject(meta.attributes) ? meta.attributes : null;
  if (!attributes) return null;
  for (const key of PROVIDER_ATTRIBUTES) {
    const v = attributes[key];
    if (typeof v === 'string' && v.length > 0) {
      const head = v.toLowerCase().split('.')[0] as string;
      if (head.startsWith('google')) return 'google';
      return PROVIDER_ALIASES.get(head) ?? head;
    }
  }
  return null;
}

function observationTokens(record: JsonObject, outputUsage: JsonObject | null): { prompt: number | null; completion: number | null; total: number | null } {
  for (const u of [record.usageDetails, record.usage]) {
    if (isObject(u) && Object.keys(u).length > 0) return usageTokens(u);
  }
  if (outputUsage) return usageTokens(outputUsage);
  const prompt = toNumber(record.inputUsage);
  const completion = toNumber(record.outputUsage);
  const total = toNumber(record.totalUsage);
  // The export writes zeros when nothing was measured.
  if (!prompt && !completion && !total) return { prompt: null, completion: null, total: null };
  return { prompt, completion, total };
}

function observationCost(record: JsonObject, meta: JsonObject | null): number | null {
  const calculated = toNumber(record.calculatedTotalCost);
  if (calculated !== null) return calculated;
  const details = isObject(record.costDetails) ? toNumber(record.costDetails.total) : null;
  if (details !== null) return details;
  const total = toNumber(record.totalCost);
  if (total !== null && total > 0) return total;
  return toNumber(meta?.cost);
}

const LANGFUSE_FIELDS = ['type', 'name', 'parentObservationId', 'level', 'statusMessage', 'promptName', 'promptVersion', 'modelParameters', 'userId', 'tags'];

/** The observation's metadata (decoded from JSON text when needed) plus its Langfuse bookkeeping under `langfuse`. */
function observationMetadata(record: JsonObject, parsedMeta: unknown): JsonObject {
  const out: JsonObject = isObject(parsedMeta) ? { ...parsedMeta } : parsedMeta === undefined || parsedMeta === null ? {} : { metadata: parsedMeta };
  const langfuse: JsonObject = {};
  for (const key of LANGFUSE_FIELDS) {
    const v = record[key];
    if (v !== undefined && v !== null) langfuse[key] = v;
  }
  out.langfuse = langfuse;
  return out;
}
