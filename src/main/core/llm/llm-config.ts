// One model on one OpenAI-compatible server, as a feature calls it (built from a provider by providers.ts).
// Imports: nothing.

export interface LlmEndpoint {
  baseUrl: string;
  /** Local servers (Ollama, LM Studio) need no key; the client still sends a placeholder. */
  apiKey: string;
  model: string;
  /** Where each value came from, to show the user ("from OPENAI_BASE_URL"). */
  source: { baseUrl: ValueSource; apiKey: ValueSource; model: ValueSource };
  /** Set for an endpoint of a model provider: its limits and prices reach the shared client. */
  providerId?: string;
  providerName?: string;
  concurrency?: number;
  timeoutMs?: number;
  /** USD per 1M tokens of a model on this provider, or null when unknown. */
  priceOf?: (model: string) => { input: number; output: number } | null;
}

export type ValueSource = 'settings' | 'env' | 'default';

export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';
/** Sent when no key is configured: local servers ignore it, and the client refuses to start without one. */
export const NO_KEY = 'no-key';
