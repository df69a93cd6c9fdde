// The app's registry of LLM endpoints: one EndpointClient per base URL + API key, handed to every feature,
// so chat and embedding calls to one server share one limit, one 429 pause and one response cache.
// Imports: node:crypto, sibling llm modules. Built once by createCore with the SQLite cache and usage repositories.

import { createHash } from 'node:crypto';
import { ChatClient, type ChatClientContext } from './chat-client.ts';
import { EndpointClient, type EndpointOptions, type EndpointTarget } from './endpoint-client.ts';
import type { LlmEndpoint } from './llm-config.ts';

export type LlmServiceOptions = EndpointOptions;

export class LlmService {
  readonly #opts: LlmServiceOptions;
  readonly #endpoints = new Map<string, EndpointClient>();

  constructor(opts: LlmServiceOptions = {}) {
    this.#opts = opts;
  }

  /**
   * The one client of this server and key. The model is not part of the identity: a 429 from a server
   * limits every model there. The key is (as a hash), because providers count rate limits per key.
   */
  endpoint(target: EndpointTarget): EndpointClient {
    const baseUrl = target.baseUrl.replace(/\/+$/, '');
    const id = `${baseUrl}\0${createHash('sha256').update(target.apiKey).digest('hex')}`;
    let client = this.#endpoints.get(id);
    if (!client) this.#endpoints.set(id, (client = new EndpointClient({ baseUrl, apiKey: target.apiKey }, this.#opts)));
    // A provider's saved limit, timeout and prices apply to its shared client (one limiter per server and key).
    const p = target as Partial<LlmEndpoint>;
    if (p.concurrency !== undefined || p.timeoutMs !== undefined || p.priceOf !== undefined) {
      client.configure({
        ...(p.concurrency !== undefined ? { concurrency: p.concurrency } : {}),
        ...(p.timeoutMs !== undefined ? { timeoutMs: p.timeoutMs } : {}),
        ...(p.priceOf !== undefined ? { priceOf: p.priceOf } : {}),
      });
    }
    return client;
  }

  /** A feature's chat client for a configured model, on the shared endpoint client. */
  chat(endpoint: LlmEndpoint, ctx: ChatClientContext): ChatClient {
    return new ChatClient(this.endpoint(endpoint), endpoint, ctx);
  }
}
