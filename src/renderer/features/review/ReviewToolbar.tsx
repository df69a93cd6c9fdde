// The review screen's header: which dataset and queue, progress through it, bulk accept/reject of the queue's
// pending rows (asked once), and undo. Imports: react, components, lib/format, the review store and format.
import type { ReactElement } from 'react';
import { Kbd } from '../../components/Kbd.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { formatCount } from '../../lib/format.ts';
import { CurateFilterName, type CurateStage } from '../../../shared/contract/index.ts';
import { formatRate, progressLine, stageName } from './review-format.ts';
import { useReviewStore } from './review-store.ts';

const BASE_STAGES: CurateStage[] = ['borderline', 'flagged', 'dropped', 'unreviewed', 'reviewed', 'all'];

export function ReviewToolbar(): ReactElement {
  const datasets = useReviewStore((s) => s.datasets);
  const dataset = useReviewStore((s) => s.dataset);
  const stage = useReviewStore((s) => s.stage);
  const summary = useReviewStore((s) => s.summary);
  const total = useReviewStore((s) => s.total);
  const reviewed = useReviewStore((s) => s.reviewed);
  const saving = useReviewStore((s) => s.saving);
  const undoCount = useReviewStore((s) => s.undo.filter((e) => e.dataset === s.dataset).length);
  const lastUndo = useReviewStore((s) => [...s.undo].reverse().find((e) => e.dataset === s.dataset)?.label ?? null);
  const bulkAsk = useReviewStore((s) => s.bulkAsk);
  const open = useReviewStore((s) => s.open);
  const askBulk = useReviewStore((s) => s.askBulk);
  const bulk = useReviewStore((s) => s.bulk);
  const undoLast = useReviewStore((s) => s.undoLast);
  const agreement = useReviewStore((s) => s.agreement);
  const pending = Math.max(0, total - reviewed);

  // Every filter that dropped something gets its own queue, so a user can walk one filter's drops.
  const dropStages = CurateFilterName.options.filter((f) => (summary?.dropped[f] ?? 0) > 0).map((f) => `dropped:${f}` as CurateStage);
  const stages = [...BASE_STAGES, ...dropStages];
  if (!stages.includes(stage)) stages.push(stage);

  return (
    <header className="review-toolbar">
      <label className="field-inline small">
        Dataset
        <select className="input input-select input-sm" value={dataset ?? ''} onChange={(e) => void open(e.target.value, 'borderline')} data-testid="review-dataset">
          {dataset === null ? <option value="">Choose…</option> : null}
          {datasets.map((d) => (
            <option key={d.id} value={d.name}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field-inline small">
        Queue
        <select className="input input-select input-sm" value={stage} onChange={(e) => void open(dataset, e.target.value as CurateStage)} data-testid="review-stage" disabled={!dataset}>
          {stages.map((s) => (
            <option key={s} value={s}>
              {stageName(s)}
              {s.startsWith('dropped:') && summary ? ` (${formatCount(summary.dropped[s.slice(8) as CurateFilterName] ?? 0)})` : ''}
            </option>
          ))}
        </select>
      </label>
      <div className="review-progress" data-testid="review-progress" data-reviewed={reviewed} data-total={total}>
        <ProgressBar done={reviewed} total={total} label="Reviewed" size="sm" />
        <span className="small review-progress-text">{progressLine(reviewed, total)}</span>
      </div>
      {agreement && agreement.compared > 0 ? (
        <span className="agreement-chip small" title={`Judge and you agree on ${agreement.compared} reviewed rows at threshold ${agreement.threshold.toFixed(2)}`} data-testid="agreement-chip">
          Judge agrees {formatRate(agreement.agreement)} · κ {agreement.kappa === null ? '—' : agreement.kappa.toFixed(2)}
        </span>
      ) : null}
      <div className="review-actions">
        {bulkAsk ? (
          <span className="bulk-confirm" role="group" aria-label="Confirm bulk decision">
            <span className="small">
              {bulkAsk === 'accept' ? 'Accept' : 'Reject'} all {formatCount(pending)} pending rows in “{stageName(stage)}”?
            </span>
            <button type="button" className={`btn btn-sm ${bulkAsk === 'accept' ? 'btn-primary' : 'btn-danger'}`} onClick={() => void bulk(bulkAsk)} data-testid="bulk-confirm" autoFocus>
              {bulkAsk === 'accept' ? 'Accept' : 'Reject'} {formatCount(pending)}
            </button>
            <button type="button" className="btn btn-sm btn-ghost" onClick={() => askBulk(null)}>
              Cancel
            </button>
          </span>
        ) : (
          <>
            <button type="button" className="btn btn-sm" disabled={pending === 0 || saving} onClick={() => askBulk('accept')} data-testid="bulk-accept" title="Accept every pending row of this queue">
              Accept all
            </button>
            <button type="button" className="btn btn-sm" disabled={pending === 0 || saving} onClick={() => askBulk('reject')} data-testid="bulk-reject" title="Reject every pending row of this queue">
              Reject all
            </button>
          </>
        )}
        <button type="button" className="btn btn-sm btn-ghost" disabled={undoCount === 0 || saving} onClick={() => void undoLast()} title={lastUndo ? `Undo ${lastUndo}` : 'Nothing to undo'} data-testid="undo">
          Undo <Kbd keys="u" />
        </button>
      </div>
    </header>
  );
}
