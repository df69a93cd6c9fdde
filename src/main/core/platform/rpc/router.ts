// The command router: channel -> validate input with the contract -> handler -> result envelope.
// Nothing throws across it; every failure becomes an error code and a message a person can act on.
import { z } from 'zod';
import {
  type AppError,
  type Channel,
  type CommandArgs,
  type CommandOutput,
  type Result,
  commands,
  isChannel,
} from '../../../../shared/contract/index.ts';

export type Handlers = { [C in Channel]: (input: CommandArgs<C>) => Promise<CommandOutput<C>> | CommandOutput<C> };

/** Thrown by handlers for failures the user caused or can fix; anything else is reported as internal. */
export class CommandError extends Error {
  readonly code: AppError['code'];
  constructor(code: AppError['code'], message: string) {
    super(message);
    this.code = code;
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'input'}: ${i.message}`).join('; ');
}

export function createRouter(handlers: Handlers): (channel: string, input: unknown) => Promise<Result<unknown>> {
  return async (channel, input) => {
    if (!isChannel(channel)) return { ok: false, error: { code: 'unknown_channel', message: `unknown command "${channel}"` } };
    const parsed = commands[channel].input.safeParse(input ?? {});
    if (!parsed.success) {
      return { ok: false, error: { code: 'invalid_input', message: `${channel}: ${describeIssues(parsed.error)}` } };
    }
    try {
      const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof CommandError) return { ok: false, error: { code: error.code, message: error.message } };
      return { ok: false, error: { code: 'internal', message: `${channel} failed: ${error instanceof Error ? error.message : String(error)}` } };
    }
  };
}
