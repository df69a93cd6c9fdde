// The one registry of every command channel: name -> { input, output } zod schemas.
// Imports: zod and the per-domain contract files only.
import type { z } from 'zod';
import { appCommands } from './app.ts';
import { clusterCommands } from './clusters.ts';
import { curateCommands } from './curate.ts';
import { datasetCommands } from './datasets.ts';
import { evaluateCommands } from './evaluate.ts';
import { importCommands } from './imports.ts';
import { jobCommands } from './jobs.ts';
import { judgeCommands } from './judge.ts';
import { providerCommands } from './providers.ts';
import { traceCommands } from './traces.ts';

export const commands = {
  ...appCommands,
  ...importCommands,
  ...traceCommands,
  ...jobCommands,
  ...clusterCommands,
  ...datasetCommands,
  ...curateCommands,
  ...providerCommands,
  ...judgeCommands,
  ...evaluateCommands,
} as const;

export type Channel = keyof typeof commands;
export type CommandInput<C extends Channel> = z.input<(typeof commands)[C]['input']>;
export type CommandArgs<C extends Channel> = z.output<(typeof commands)[C]['input']>;
export type CommandOutput<C extends Channel> = z.output<(typeof commands)[C]['output']>;

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(commands, name);
}

export * from './envelope.ts';
export * from './events.ts';
export * from './common.ts';
export * from './jobs.ts';
export * from './imports.ts';
export * from './traces.ts';
export * from './app.ts';
export * from './clusters.ts';
export * from './datasets.ts';
export * from './curate.ts';
export * from './providers.ts';
export * from './judge.ts';
export * from './evaluate.ts';
