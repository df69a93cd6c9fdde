// Handlers of the eval.* commands. Parts not built yet answer `unavailable` so the contract is wired whole.
// Imports: rpc types.
import { CommandError, type Handlers } from '../platform/rpc/router.ts';

export type EvalChannels =
  | 'eval.estimate'
  | 'eval.start'
  | 'eval.list'
  | 'eval.show'
  | 'eval.rows'
  | 'eval.row'
  | 'eval.exportPredictions'
  | 'eval.addToTraining'
  | 'eval.sendToReview'
  | 'eval.evaluators.get'
  | 'eval.evaluators.set';

const notBuilt = (): never => {
  throw new CommandError('unavailable', 'not built yet');
};

export function evalHandlers(): Pick<Handlers, EvalChannels> {
  return {
    'eval.estimate': notBuilt,
    'eval.start': notBuilt,
    'eval.list': notBuilt,
    'eval.show': notBuilt,
    'eval.rows': notBuilt,
    'eval.row': notBuilt,
    'eval.exportPredictions': notBuilt,
    'eval.addToTraining': notBuilt,
    'eval.sendToReview': notBuilt,
    'eval.evaluators.get': notBuilt,
    'eval.evaluators.set': notBuilt,
  };
}
