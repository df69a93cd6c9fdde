// What other domains use of llm/: the shared service and its per-feature chat clients, structured output,
// endpoint settings, prices and usage types. Imports: sibling llm modules only.

export type { CallContext, ChatMessageIn, ChatRequest, ChatResult, ChatTool, ChatToolCall } from './chat-types.ts';
export type { ChatCaller, ChatClient, ChatClientContext } from './chat-client.ts';
export type { EmbedCall, EmbeddingsResult, EndpointClient, EndpointOptions, EndpointTarget } from './endpoint-client.ts';
export { LlmService, type LlmServiceOptions } from './llm-service.ts';
export { parseJsonReply, structured, type StructuredOptions, type StructuredResult } from './structured.ts';
export type { LlmEndpoint, LlmSettings } from './llm-config.ts';
export { costOf, DEFAULT_PRICES, type PriceTable } from './pricing.ts';
export type { UsageRecord, UsageSink, UsageTotals } from './usage.ts';
