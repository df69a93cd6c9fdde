// Calls a core command from the CLI and unwraps the result envelope into a value or a thrown error.
// Imports: core types, contract types.
import type { Channel, CommandInput, CommandOutput } from '../../shared/contract/index.ts';
import type { Core } from '../core/create-core.ts';

export class CommandFailed extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

export async function call<C extends Channel>(core: Core, channel: C, input: CommandInput<C>): Promise<CommandOutput<C>> {
  const result = await core.dispatch(channel, input);
  if (!result.ok) throw new CommandFailed(result.error.code, result.error.message);
  return result.value as CommandOutput<C>;
}
