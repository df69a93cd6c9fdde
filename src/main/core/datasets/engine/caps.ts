// Owns: how many rows each kind of dataset may hold, and the message when a change would exceed it.
// Imports: engine types.

import type { DatasetKind } from './types.ts';

/** Evals must stay small enough to review and run often; training sets up to a million rows. */
export const ROW_CAPS: Record<DatasetKind, number> = { eval: 10_000, training: 1_000_000 };

export type CapCheck = { ok: true; cap: number; total: number } | { ok: false; cap: number; total: number; excess: number; message: string };

/** Checks a dataset that holds `current` rows and would gain `adding` more. */
export function checkCap(kind: DatasetKind, current: number, adding = 0): CapCheck {
  const cap = ROW_CAPS[kind];
  const total = current + adding;
  if (total <= cap) return { ok: true, cap, total };
  const excess = total - cap;
  const rows = (n: number): string => `${grouped(n)} ${n === 1 ? 'row' : 'rows'}`;
  const change = adding > 0 ? `Adding ${rows(adding)} to ${grouped(current)} would make ${grouped(total)}` : `It holds ${grouped(total)}`;
  const advice = kind === 'eval' ? 'Leave out some rows, or make it a training dataset.' : 'Leave out some rows, or split it into two datasets.';
  return {
    ok: false,
    cap,
    total,
    excess,
    message: `${kind === 'eval' ? 'An eval' : 'A training'} dataset holds at most ${rows(cap)}. ${change}: ${rows(excess)} over. ${advice}`,
  };
}

/** 1234567 -> "1,234,567", the same on every machine whatever its locale. */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
