// One feature's view of a chat model: the shared endpoint client with the model, feature name and job id
// bound, plus running totals of that feature's calls. Imports: sibling llm modules.
// Obtained from LlmService.chat(); every view of one endpoint shares its limit, 429 pause and cache.

import type { CallContext, ChatRequest, ChatResult } from './chat-types.ts';
import type { EndpointClient } from './endpoint-client.ts';
import type { LlmEndpoint } from './llm-config.ts';
import { addUsage, emptyTotals, type UsageTotals } from './usage.ts';

export interface ChatCaller {
  chat(req: ChatRequest, signal?: AbortSignal): Promise<ChatResult>;
}

export interface ChatClientContext {
  feature: string;
  jobId?: number | null;
  timeoutMs?: number;
}

export class ChatClient implements ChatCaller {
  readonly endpoint: LlmEndpoint;
  readonly #shared: EndpointClient;
  readonly #ctx: ChatClientContext;
  readonly #totals = emptyTotals();

  constructor(shared: EndpointClient, endpoint: LlmEndpoint, ctx: ChatClientContext) {
    this.#shared = shared;
    this.endpoint = endpoint;
    this.#ctx = ctx;
  }

  /** Totals of the calls made through this view (the usage repository holds the app-wide record). */
  get totals(): Readonly<UsageTotals> {
    return { ...this.#totals };
  }

  async chat(req: ChatRequest, signal?: AbortSignal): Promise<ChatResult> {
    const call: CallContext = { ...this.#ctx, ...(signal ? { signal } : {}) };
    const r = await this.#shared.chat(this.endpoint.model, req, call);
    addUsage(this.#totals, r);
    return r;
  }
}
