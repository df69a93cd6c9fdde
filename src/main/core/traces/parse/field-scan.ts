// Owns: one pass over a record's own keys (and its metadata's) picking out the fields facets and ids come from.
// Imports: values.

import type { JsonObject } from './values.ts';
import { isObject, toNumber } from './values.ts';

// Probing dozens of candidate names per record is slow on wide imports, so walk the keys that exist instead.
export const F_ENVIRONMENT = 0;
export const F_TASK = 1;
export const F_PROVIDER = 2;
export const F_MODEL = 3;
export const F_TIMESTAMP = 4;
export const F_START = 5;
export const F_END = 6;
export const F_LATENCY_MS = 7;
export const F_LATENCY = 8;
export const F_COST = 9;
export const F_FINISH = 10;
export const F_USAGE = 11;
export const F_PROMPT_TOKENS = 12;
export const F_COMPLETION_TOKENS = 13;
export const F_TOTAL_TOKENS = 14;
export const F_CONVERSATION = 15;
export const F_ID = 16;
const SLOTS = 17;

/** Field name -> [slot, priority]; a lower priority wins when a record has several names for one slot. */
const FIELDS = new Map<string, readonly [number, number]>();
const define = (slot: number, names: readonly string[]): void => names.forEach((name, i) => FIELDS.set(name, [slot, i]));
define(F_ENVIRONMENT, ['environment', 'env']);
define(F_TASK, ['task', 'task_name', 'taskName', 'task_type', 'taskType']);
define(F_PROVIDER, ['provider', 'model_provider', 'llm_provider', 'provider_name', 'providerName']);
// Agent frameworks name the model that acted `agent_model` (tau-bench), tracers `llm_model` or `model_id`.
define(F_MODEL, ['model', 'model_name', 'modelName', 'agent_model', 'agentModel', 'llm_model', 'model_id', 'modelId']);
define(F_TIMESTAMP, ['timestamp', 'created_at', 'createdAt', 'created', 'time']);
define(F_START, ['start_time', 'startTime']);
define(F_END, ['end_time', 'endTime']);
define(F_LATENCY_MS, ['latency_ms', 'latencyMs', 'duration_ms', 'durationMs']);
define(F_LATENCY, ['latency']);
define(F_COST, ['cost', 'cost_usd', 'total_cost', 'totalCost']);
define(F_FINISH, ['finish_reason', 'finishReason', 'stop_reason']);
define(F_USAGE, ['usage']);
define(F_PROMPT_TOKENS, ['prompt_tokens', 'input_tokens']);
define(F_COMPLETION_TOKENS, ['completion_tokens', 'output_tokens']);
define(F_TOTAL_TOKENS, ['total_tokens']);
define(F_CONVERSATION, ['conversation_id', 'conversationId', 'session_id', 'sessionId', 'thread_id', 'threadId', 'trace_id', 'traceId']);
define(F_ID, ['id']);

const ERROR_KEYS = new Set(['error', 'status', 'status_code', 'statusCode', 'http_status', 'httpStatus', 'level']);
const ERROR_WORDS = new Set(['error', 'failed', 'failure', 'fail', 'errored']);

export interface FieldHits {
  /** Value per slot (undefined when absent); the record's own fields beat its metadata's. */
  values: unknown[];
  /** Some conventional marker (error, status, HTTP code, level) says the call failed. */
  failed: boolean;
}

export function scanFields(top: JsonObject, meta: JsonObject | null): FieldHits {
  const values: unknown[] = new Array(SLOTS);
  const ranks: number[] = new Array(SLOTS).fill(Infinity);
  let failed = scan(top, values, ranks, 0);
  if (meta && scan(meta, values, ranks, 100)) failed = true;
  return { values, failed };
}

function scan(o: JsonObject, values: unknown[], ranks: number[], base: number): boolean {
  let failed = false;
  for (const key in o) {
    const v = o[key];
    if (v === undefined || v === null) continue;
    const field = FIELDS.get(key);
    if (field !== undefined) {
      const rank = base + field[1];
      if (rank < (ranks[field[0]] as number)) {
        ranks[field[0]] = rank;
        values[field[0]] = v;
      }
    }
    if (ERROR_KEYS.has(key) && isFailure(key, v)) failed = true;
  }
  return failed;
}

function isFailure(key: string, v: unknown): boolean {
  switch (key) {
    case 'error':
      return v !== false && v !== '' && (!isObject(v) || Object.keys(v).length > 0);
    case 'status':
      if (typeof v === 'string') return ERROR_WORDS.has(v.toLowerCase());
      return typeof v === 'number' && v >= 400;
    case 'level':
      return v === 'ERROR';
    default: {
      const code = toNumber(v);
      return code !== null && code >= 400;
    }
  }
}
