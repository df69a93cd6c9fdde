// "Test connection": one tiny call to each configured model of an endpoint, with what went wrong in words a
// person can act on. It goes straight to the endpoint (no cache, no retries), since a retry or a cached answer
// would hide the very failure being looked for. Imports: openai, llm-config types, the contract's check shape.
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import type { ProviderCheck as LlmConnectionCheck } from '../../../shared/contract/index.ts';
import type { LlmEndpoint } from './llm-config.ts';

const TIMEOUT_MS = 15_000;

export async function testEndpoint(endpoint: LlmEndpoint, purpose: LlmConnectionCheck['purpose']): Promise<LlmConnectionCheck> {
  const client = new OpenAI({ baseURL: endpoint.baseUrl, apiKey: endpoint.apiKey, timeout: TIMEOUT_MS, maxRetries: 0 });
  const started = performance.now();
  try {
    if (purpose === 'chat') await client.chat.completions.create({ model: endpoint.model, messages: [{ role: 'user', content: 'ping' }], max_tokens: 1 });
    else await client.embeddings.create({ model: endpoint.model, input: 'ping' });
    return { model: endpoint.model, purpose, ok: true, latencyMs: Math.round(performance.now() - started), message: null };
  } catch (error) {
    return { model: endpoint.model, purpose, ok: false, latencyMs: Math.round(performance.now() - started), message: describe(error, endpoint) };
  }
}

function describe(error: unknown, endpoint: LlmEndpoint): string {
  if (error instanceof APIConnectionTimeoutError) return `${endpoint.baseUrl} did not answer within ${TIMEOUT_MS / 1000} s`;
  if (error instanceof APIConnectionError) return `could not connect to ${endpoint.baseUrl}: is the server running, and is the URL right?`;
  if (error instanceof APIError) {
    const detail = error.message.replace(/^\d{3}\s*/, '');
    if (error.status === 401 || error.status === 403) return `the endpoint refused the API key (${error.status}): ${detail}`;
    if (error.status === 404) return `the endpoint does not know model "${endpoint.model}" or this API path (404): ${detail}`;
    if (error.status === 429) return `the endpoint is rate-limiting or out of quota (429): ${detail}`;
    return `the endpoint answered ${error.status ?? 'with an error'}: ${detail}`;
  }
  return error instanceof Error ? error.message : String(error);
}
