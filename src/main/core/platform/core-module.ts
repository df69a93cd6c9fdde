// What a domain hands the core: its job kinds and its command handlers. A domain exports one factory
// returning this; createCore wires the list. Imports: jobs and rpc types, the contract's command list.
import { commands, type Channel } from '../../../shared/contract/index.ts';
import type { AnyJobHandler } from './jobs/job-runner.ts';
import type { Handlers } from './rpc/router.ts';

export interface CoreModule {
  jobs: AnyJobHandler[];
  handlers: Partial<Handlers>;
}

/** Every contract channel answered by exactly one module; a gap or an overlap is a wiring bug, found at start-up. */
export function assembleHandlers(modules: readonly CoreModule[]): Handlers {
  const handlers: Partial<Record<Channel, unknown>> = {};
  for (const module of modules) {
    for (const channel of Object.keys(module.handlers) as Channel[]) {
      if (channel in handlers) throw new Error(`two modules handle "${channel}"`);
      handlers[channel] = module.handlers[channel];
    }
  }
  const missing = (Object.keys(commands) as Channel[]).filter((c) => !(c in handlers));
  if (missing.length > 0) throw new Error(`no module handles ${missing.join(', ')}`);
  return handlers as Handlers;
}
