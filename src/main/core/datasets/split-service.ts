// Splits a version deterministically (engine splitRows: grouped by conversation, stratified by cluster, from a
// seed) and stores the split beside the version, never in its rows. Imports: rpc errors, contract types,
// repository, lookup, engine split.
import type { CommandArgs, CommandOutput } from '../../../shared/contract/index.ts';
import { CommandError } from '../platform/rpc/router.ts';
import type { DatasetRepository } from './dataset-repository.ts';
import { mustDataset, resolveVersion, versionLabel } from './dataset-lookup.ts';
import { splitRows } from './engine/split.ts';

export function splitDataset(repo: DatasetRepository, input: CommandArgs<'datasets.split'>, now: number): CommandOutput<'datasets.split'> {
  const dataset = mustDataset(repo, input.dataset);
  const version = resolveVersion(repo, dataset, input.version);
  const train = 1 - input.test - input.validation;
  if (train <= 0) throw new CommandError('invalid_input', `test ${input.test} and validation ${input.validation} leave nothing to train on: keep their sum below 1`);
  const inputs = repo.splitInputs(version.id);
  if (inputs.length === 0) throw new CommandError('invalid_input', `${dataset.name}@${versionLabel(version)} has no rows to split`);
  const fractions = { train, validation: input.validation, test: input.test };
  const result = splitRows(
    inputs.map((r) => ({ rowId: r.row_key, conversationId: r.conversation_id, clusterId: r.cluster_id })),
    fractions,
    input.seed,
  );
  repo.write(() =>
    repo.saveSplit(version.id, input.seed, fractions, result.rows, inputs.map((r, i) => ({ rowKey: r.row_key, split: result.splits[i]! })), now),
  );
  return { dataset: dataset.name, version: versionLabel(version), seed: input.seed, rows: result.rows, groups: result.groups, smallClusters: result.smallClusters };
}
