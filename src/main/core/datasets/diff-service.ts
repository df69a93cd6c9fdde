// Diff of two versions of a dataset: counts from SQL over stored canonical content (no row is parsed unless it
// changed), and rows listed by kind in row-key order with the fields that changed. Imports: rpc errors,
// contract types, repository, lookup, engine diff, row content.
import type { CommandArgs, CommandOutput, DiffItem, DiffKind } from '../../../shared/contract/index.ts';
import { CommandError } from '../platform/rpc/router.ts';
import type { DatasetRepository } from './dataset-repository.ts';
import { mustDataset, resolveVersion, versionLabel } from './dataset-lookup.ts';
import { DIFF_FIELDS, diffVersions } from './engine/diff.ts';
import { decodeRow, rowView } from './row-content.ts';

const KINDS: readonly DiffKind[] = ['added', 'removed', 'changed'];
const PAGE = 5000;

function changedFields(before: string, after: string): DiffItem['fields'] {
  const a = decodeRow(before);
  const b = decodeRow(after);
  return diffVersions([a], [b]).changed[0]?.fields ?? [];
}

export function diffDataset(repo: DatasetRepository, input: CommandArgs<'datasets.diff'>): CommandOutput<'datasets.diff'> {
  const dataset = mustDataset(repo, input.dataset);
  const from = resolveVersion(repo, dataset, input.from);
  const to = resolveVersion(repo, dataset, input.to);
  const base = repo.diffCounts(from.id, to.id);
  const byField = Object.fromEntries(DIFF_FIELDS.map((f) => [f, 0])) as Record<string, number>;
  for (let after = -1; ; ) {
    const page = repo.diffPage('changed', from.id, to.id, after, PAGE);
    for (const r of page) for (const f of changedFields(r.before!, r.after!)) byField[f]!++;
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.row_key;
  }

  // Cursor `<kind>:<last row key>`; without a kind, added then removed then changed rows are listed in turn.
  let kind: DiffKind = input.kind ?? 'added';
  let afterKey = -1;
  if (input.cursor !== undefined) {
    const m = /^(added|removed|changed):(\d+)$/.exec(input.cursor);
    if (!m) throw new CommandError('invalid_input', `"${input.cursor}" is not a cursor returned by a previous diff page`);
    kind = m[1] as DiffKind;
    afterKey = Number(m[2]);
  }
  const items: DiffItem[] = [];
  let nextCursor: string | null = null;
  for (;;) {
    const page = repo.diffPage(kind, from.id, to.id, afterKey, input.limit - items.length);
    for (const r of page) {
      items.push({
        rowKey: r.row_key,
        fields: r.before !== null && r.after !== null ? changedFields(r.before, r.after) : [],
        before: r.before === null ? null : rowView(decodeRow(r.before)),
        after: r.after === null ? null : rowView(decodeRow(r.after)),
      });
    }
    if (items.length === input.limit) {
      nextCursor = `${kind}:${items[items.length - 1]!.rowKey}`;
      break;
    }
    const next = KINDS[KINDS.indexOf(kind) + 1];
    if (input.kind !== undefined || next === undefined) break;
    kind = next;
    afterKey = -1;
  }
  return { from: versionLabel(from), to: versionLabel(to), counts: { ...base, byField }, items, nextCursor };
}
