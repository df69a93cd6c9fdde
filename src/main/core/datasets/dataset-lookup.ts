// Finds a dataset by name and one of its versions by reference (number or draft), with errors that say what
// exists instead. Imports: rpc errors, contract types, the dataset repository.
import type { VersionRef } from '../../../shared/contract/index.ts';
import { CommandError } from '../platform/rpc/router.ts';
import type { DatasetRecord, DatasetRepository, VersionRecord } from './dataset-repository.ts';

export function mustDataset(repo: DatasetRepository, name: string): DatasetRecord {
  const found = repo.byName(name.trim());
  if (found) return found;
  const known = repo.list().map((d) => d.name);
  throw new CommandError('not_found', `there is no dataset named "${name}"${known.length ? ` (there are: ${known.slice(0, 10).join(', ')})` : ': create one first'}`);
}

export function versionLabel(v: Pick<VersionRecord, 'number'>): string {
  return v.number === null ? 'draft' : `v${v.number}`;
}

/** `ref` undefined: the draft if there is one, else the latest frozen version. */
export function resolveVersion(repo: DatasetRepository, dataset: DatasetRecord, ref: VersionRef | undefined): VersionRecord {
  const version =
    ref === undefined
      ? (repo.draft(dataset.id) ?? repo.latestFrozen(dataset.id))
      : ref === 'draft'
        ? repo.draft(dataset.id)
        : repo.frozen(dataset.id, ref);
  if (version) return version;
  const have = repo.versions(dataset.id).map(versionLabel);
  const what = ref === undefined ? 'version yet' : ref === 'draft' ? 'draft' : `version v${ref}`;
  throw new CommandError('not_found', `dataset "${dataset.name}" has no ${what}${have.length ? ` (it has ${have.join(', ')})` : ': add rows to it first'}`);
}

/** `NAME@vN` → name and number; `NAME` alone → the name and undefined. */
export function parseVersioned(text: string): { name: string; version: number | 'draft' | undefined } {
  const at = text.lastIndexOf('@');
  if (at < 0) return { name: text, version: undefined };
  const tag = text.slice(at + 1);
  if (tag === 'draft') return { name: text.slice(0, at), version: 'draft' };
  const m = /^v?(\d+)$/.exec(tag);
  if (!m) throw new CommandError('invalid_input', `"${text}": the version after @ must look like v1, v2, … or draft`);
  return { name: text.slice(0, at), version: Number(m[1]) };
}
