// Columns of the per-row results table (react-table v9): row, prompt, expected, the baseline's verdict, then one
// column per model with its pass/fail mark and output; widths as one CSS grid template. Imports:
// @tanstack/react-table, react, lib/format, contract types.
import { createColumnHelper, tableFeatures } from '@tanstack/react-table';
import type { ReactElement } from 'react';
import { oneLine } from '../../lib/format.ts';
import { BASELINE_LABEL } from './eval-lines.ts';
import type { EvalPrediction, EvalRowView } from '../../../shared/contract/index.ts';

export const evalRowFeatures = tableFeatures({});
const helper = createColumnHelper<typeof evalRowFeatures, EvalRowView>();

/** A verdict as a mark a person scans down a column: ✓ pass, ✗ fail, ! error, … pending. */
export function verdict(p: EvalPrediction | null | undefined): { mark: string; tone: string; word: string } {
  if (!p) return { mark: '—', tone: 'muted', word: 'none' };
  if (p.status === 'pending') return { mark: '…', tone: 'muted', word: 'pending' };
  if (p.status === 'failed') return { mark: '!', tone: 'eval-error', word: 'error' };
  return p.pass ? { mark: '✓', tone: 'eval-pass', word: 'pass' } : { mark: '✗', tone: 'eval-fail', word: 'fail' };
}

function Prediction({ p }: { p: EvalPrediction | null | undefined }): ReactElement {
  const v = verdict(p);
  const text = p?.status === 'failed' ? (p.error ?? 'failed') : (p?.output ?? '');
  return (
    <span title={p?.detail ?? text} data-verdict={v.word}>
      <span className={`eval-cell-score ${v.tone}`}>{v.mark}</span> {oneLine(text, 120)}
    </span>
  );
}

export function evalRowColumns(models: readonly string[], hasBaseline: boolean) {
  return helper.columns([
    helper.accessor('rowKey', { id: 'row', header: 'Row', cell: (c) => <span className="muted">{c.getValue()}</span> }),
    helper.accessor('prompt', { id: 'prompt', header: 'Prompt', cell: (c) => <span title={c.getValue()}>{oneLine(c.getValue(), 200)}</span> }),
    helper.accessor('expected', { id: 'expected', header: 'Expected', cell: (c) => <span title={c.getValue()}>{oneLine(c.getValue(), 120)}</span> }),
    ...(hasBaseline ? [helper.accessor('baseline', { id: 'baseline', header: BASELINE_LABEL, cell: (c) => <Prediction p={c.getValue()} /> })] : []),
    ...models.map((model, i) =>
      helper.display({ id: `model:${model}`, header: model, cell: (c) => <Prediction p={c.row.original.predictions.find((p) => p.model === model) ?? c.row.original.predictions[i]} /> }),
    ),
  ]);
}

/** Fixed row and verdict widths; prompt, expected and model outputs share what is left. */
export function evalGrid(models: number, hasBaseline: boolean): { template: string; minWidth: number } {
  // Narrow minimums so that two models' columns stay in view beside the row pane at 1280 px.
  const tracks = [{ px: 28 }, { px: 48 }, { px: 140, fr: 3 }, { px: 64, fr: 1 }, ...(hasBaseline ? [{ px: 80, fr: 1 }] : []), ...Array.from({ length: models }, () => ({ px: 100, fr: 2 }))];
  return {
    template: tracks.map((t) => ('fr' in t ? `minmax(${t.px}px, ${t.fr}fr)` : `${t.px}px`)).join(' '),
    minWidth: tracks.reduce((s, t) => s + t.px, 0),
  };
}
