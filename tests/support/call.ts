// Calls a core command in a test and unwraps its result envelope, failing loudly on an error.
import type { Channel, CommandInput, CommandOutput } from '../../src/shared/contract/index.ts';
import type { Core } from '../../src/main/core/create-core.ts';

export async function call<C extends Channel>(core: Core, channel: C, input: CommandInput<C>): Promise<CommandOutput<C>> {
  const result = await core.dispatch(channel, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as CommandOutput<C>;
}
