// The curate domain as the core sees it: the curate.*, review.* and pii.* commands over a dataset's draft.
// Imports: platform types and rpc errors, the contract's command list.
import { curateCommands } from '../../../shared/contract/index.ts';
import type { CoreModule } from '../platform/core-module.ts';
import { CommandError, type Handlers } from '../platform/rpc/router.ts';

type CurateChannel = keyof typeof curateCommands;

/** Until each command is built it answers `unavailable`, so the window can be written against the contract now. */
export function curateModule(): CoreModule {
  const handlers: Partial<Handlers> = {};
  for (const channel of Object.keys(curateCommands) as CurateChannel[]) {
    (handlers as Record<CurateChannel, () => never>)[channel] = () => {
      throw new CommandError('unavailable', `${channel} is not available yet`);
    };
  }
  return { jobs: [], handlers };
}
