// Decides which candidate rows enter a dataset, in order: not already there, not leaking the excluded eval
// version, supplying every declared column, within the kind's cap. Refusals throw before anything is written.
// Imports: rpc errors, contract types, engine (leakage, columns, caps), row content.
import type { LeakCounts, LeftOut } from '../../../shared/contract/index.ts';
import { CommandError } from '../platform/rpc/router.ts';
import { checkCap } from './engine/caps.ts';
import { admitRows } from './engine/columns.ts';
import { checkLeakage, type ExcludedRow, type LeakageRow } from './engine/leakage.ts';
import type { DatasetKind, DatasetRow } from './engine/types.ts';

export interface AdmitInput {
  kind: DatasetKind;
  declaredColumns: string[] | null;
  /** Rows the draft holds now. */
  current: number;
  inDraft: (rowKey: number) => boolean;
  /** The excluded eval version's rows, when the dataset names one. */
  evalRows: LeakageRow[] | null;
  nearThreshold: number;
  upToCap: boolean;
}

export interface Admitted {
  rows: DatasetRow[];
  columns: string[];
  duplicate: number;
  missingColumns: number;
  missingColumnMessages: string[];
  overCap: number;
  leakage: { candidates: number; excluded: LeakCounts; overlap: number; warning: string | null; threshold: number; rows: ExcludedRow<DatasetRow>[] } | null;
}

export function admit(candidates: readonly DatasetRow[], input: AdmitInput): Admitted {
  const seen = new Set<number>();
  const fresh: DatasetRow[] = [];
  let duplicate = 0;
  for (const row of candidates) {
    const key = Number(row.rowId);
    if (seen.has(key) || input.inDraft(key)) duplicate++;
    else {
      seen.add(key);
      fresh.push(row);
    }
  }

  let kept = fresh;
  let leakage: Admitted['leakage'] = null;
  if (input.evalRows) {
    const report = checkLeakage(input.evalRows, fresh, { threshold: input.nearThreshold });
    // Refused only when the set would end up empty; a draft that has rows just gains none from this source.
    if (report.refused && input.current === 0) throw new CommandError('conflict', `refused: ${report.warning ?? 'every candidate row overlaps the eval set'}`);
    kept = report.kept;
    leakage = { candidates: report.candidates, excluded: report.counts, overlap: report.overlapShare, warning: report.warning, threshold: input.nearThreshold, rows: report.excluded };
  }

  const admission = admitRows(input.declaredColumns, kept);
  let rows = admission.accepted;
  let overCap = 0;
  const cap = checkCap(input.kind, input.current, rows.length);
  if (!cap.ok) {
    if (!input.upToCap) throw new CommandError('invalid_input', cap.message);
    overCap = Math.min(rows.length, cap.excess);
    rows = rows.slice(0, rows.length - overCap);
  }
  return {
    rows,
    columns: admission.columns,
    duplicate,
    missingColumns: admission.rejected.length,
    missingColumnMessages: admission.rejected.slice(0, 5).map((r) => r.message),
    overCap,
    leakage,
  };
}

export function leftOutNotes(left: LeftOut): string[] {
  const notes: [number, string][] = [
    [left.failed, 'their trace did not succeed'],
    [left.emptyResponse, 'they have no response'],
    [left.duplicate, 'they are already in the draft'],
    [left.leaked, 'they overlap the excluded eval version'],
    [left.missingColumns, 'they lack a declared column'],
    [left.overCap, 'they are over the row cap'],
  ];
  return notes.filter(([n]) => n > 0).map(([n, why]) => `${n} ${n === 1 ? 'row' : 'rows'} left out: ${why}`);
}
