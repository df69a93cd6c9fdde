// The one api client the stores use, configured once at start-up (tests configure their own transport).
// Imports: the client and transports of this folder.
import { createApiClient, type ApiClient } from './client.ts';
import { defaultTransport, type Transport } from './transport.ts';

let client: ApiClient | null = null;

export function configureApi(transport: Transport = defaultTransport()): ApiClient {
  client = createApiClient(transport);
  return client;
}

export function api(): ApiClient {
  return client ?? configureApi();
}

export { ApiError, errorMessage, isApiError } from './api-error.ts';
export type { ApiClient } from './client.ts';
export type { Transport } from './transport.ts';
