// The evaluate domain as the core sees it: the module factory wiring eval.* commands and the eval job.
// Imports: this domain's modules, platform types.
import type { CoreModule } from '../platform/core-module.ts';
import { evalHandlers } from './eval-handlers.ts';

export function evaluateModule(): CoreModule {
  return { jobs: [], handlers: evalHandlers() };
}
