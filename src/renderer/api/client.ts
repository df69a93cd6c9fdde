// Typed api client: invoke<C>(channel, input) unwraps the Result envelope; on() delivers checked events.
// Imports: the shared contract (schemas, types) and the Transport interface.
import { commands, events, type AppEvent, type Channel, type CommandInput, type CommandOutput } from '../../shared/contract/index.ts';
import { ApiError } from './api-error.ts';
import type { Transport } from './transport.ts';

export interface ApiClient {
  invoke<C extends Channel>(channel: C, input: CommandInput<C>): Promise<CommandOutput<C>>;
  on(listener: (event: AppEvent) => void): () => void;
}

export function createApiClient(transport: Transport): ApiClient {
  return {
    async invoke<C extends Channel>(channel: C, input: CommandInput<C>): Promise<CommandOutput<C>> {
      let result;
      try {
        result = await transport.invoke(channel, input);
      } catch (err) {
        // A transport that throws (IPC torn down, bridge gone) is reported like any other failure.
        throw new ApiError(channel, { code: 'unavailable', message: `${channel}: ${err instanceof Error ? err.message : String(err)}` });
      }
      if (!result.ok) throw new ApiError(channel, result.error);
      // Checking what arrives turns contract drift between main and the window into one clear error
      // instead of a screen that half-renders.
      const parsed = commands[channel].output.safeParse(result.value);
      if (!parsed.success) {
        console.error(`[winnow] ${channel} answered outside the contract`, parsed.error.issues, result.value);
        throw new ApiError(channel, { code: 'internal', message: `${channel} answered in an unexpected shape; see the console for details.` });
      }
      return parsed.data as CommandOutput<C>;
    },
    on(listener) {
      return transport.on((event) => {
        const schema = events[event.name];
        if (!schema || !schema.safeParse(event.payload).success) {
          console.error('[winnow] dropped an event outside the contract', event);
          return;
        }
        listener(event);
      });
    },
  };
}
