// The review screen: a dataset's queue (borderline rows by default, or any filter's drops) one row at a time,
// decided by keyboard (keys in shell/shortcuts.ts), with the facts beside the conversation and agreement below.
// Imports: react, components, the ui and datasets stores, the review store and parts of this folder.
import { useEffect, type ReactElement } from 'react';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { Kbd } from '../../components/Kbd.tsx';
import { useUiStore } from '../../shell/ui-store.ts';
import { useDatasetsStore } from '../datasets/datasets-store.ts';
import { AgreementCard } from './AgreementCard.tsx';
import { ResponseEditor } from './ResponseEditor.tsx';
import { stageName } from './review-format.ts';
import { useReviewStore } from './review-store.ts';
import { ReviewConversation } from './ReviewConversation.tsx';
import { ReviewToolbar } from './ReviewToolbar.tsx';
import { RowFacts } from './RowFacts.tsx';

export const REVIEW_KEYS: readonly [string, string][] = [
  ['a', 'accept'],
  ['r', 'reject'],
  ['e', 'edit'],
  ['l', 'label'],
  ['n', 'note'],
  ['u', 'undo'],
  ['j', 'next'],
  ['k', 'previous'],
];

export function ReviewScreen(): ReactElement {
  const open = useReviewStore((s) => s.open);
  const dataset = useReviewStore((s) => s.dataset);
  const datasets = useReviewStore((s) => s.datasets);
  const loading = useReviewStore((s) => s.loading);
  const unavailable = useReviewStore((s) => s.unavailable);
  const error = useReviewStore((s) => s.error);
  const notice = useReviewStore((s) => s.notice);

  useEffect(() => {
    void open();
  }, [open]);

  if (!dataset && !loading) {
    return datasets.length === 0 ? <NoDatasets /> : <ChooseDataset />;
  }
  return (
    <div className="review-screen" data-testid="review-screen" data-loading={loading ? 'true' : 'false'}>
      <ReviewToolbar />
      {error ? <ErrorNote message={error} /> : null}
      {notice ? (
        <div className="review-notice small" role="status" data-testid="review-notice">
          {notice}
        </div>
      ) : null}
      {unavailable ? (
        <EmptyState icon="review" title="Curation is not available">
          <p>This version of Winnow cannot run the review queue yet ({unavailable}).</p>
        </EmptyState>
      ) : (
        <ReviewBody />
      )}
    </div>
  );
}

function ReviewBody(): ReactElement {
  const items = useReviewStore((s) => s.items);
  const index = useReviewStore((s) => s.index);
  const loading = useReviewStore((s) => s.loading);
  const stage = useReviewStore((s) => s.stage);
  const dataset = useReviewStore((s) => s.dataset);
  const editor = useReviewStore((s) => s.editor);
  const total = useReviewStore((s) => s.total);
  const row = items[index] ?? null;

  if (!row) {
    if (loading) return <div className="review-loading muted">Loading the queue…</div>;
    return (
      <div className="review-empty">
        <EmptyState icon="review" title={`Nothing in “${stageName(stage)}”`} action={dataset ? <OpenCuration dataset={dataset} /> : undefined}>
          <p>Rows land here once the dataset’s draft has been curated: the filters’ drops, and rows the judge scored close to the threshold.</p>
        </EmptyState>
        <div className="review-empty-side">
          <AgreementCard />
        </div>
      </div>
    );
  }
  return (
    <div className="review-body" data-testid="review-row" data-row-key={row.rowKey}>
      <div className="review-main">
        <div className="review-position small muted" data-testid="review-position">
          Row {index + 1} of {total} in “{stageName(stage)}” · row {row.rowKey} of the draft
          {row.row.labels.length > 0 ? ` · ${row.row.labels.join(', ')}` : ''}
        </div>
        {editor === 'response' ? (
          <>
            <ReviewConversation messages={row.row.messages} response={{ role: 'assistant', content: '' }} pii={row.pii.filter((s) => s.message !== 'response')} />
            <ResponseEditor key={row.rowKey} row={row} />
          </>
        ) : (
          <ReviewConversation key={row.rowKey} messages={row.row.messages} response={row.row.response} pii={row.pii} />
        )}
      </div>
      <div className="review-side">
        <KeyBar />
        <RowFacts key={row.rowKey} row={row} />
        <AgreementCard />
      </div>
    </div>
  );
}

function KeyBar(): ReactElement {
  const decide = useReviewStore((s) => s.decide);
  const saving = useReviewStore((s) => s.saving);
  return (
    <div className="review-keys" aria-label="Review keys">
      <div className="review-decide">
        <button type="button" className="btn btn-primary" disabled={saving} onClick={() => void decide('accept')} data-testid="accept">
          Accept <Kbd keys="a" />
        </button>
        <button type="button" className="btn btn-danger" disabled={saving} onClick={() => void decide('reject')} data-testid="reject">
          Reject <Kbd keys="r" />
        </button>
      </div>
      <div className="review-key-hints small muted">
        {REVIEW_KEYS.slice(2).map(([k, what]) => (
          <span key={k}>
            <Kbd keys={k} /> {what}
          </span>
        ))}
        <span>
          <Kbd keys="?" /> all keys
        </span>
      </div>
    </div>
  );
}

function OpenCuration({ dataset }: { dataset: string }): ReactElement {
  const go = useUiStore((s) => s.go);
  const openDataset = useDatasetsStore((s) => s.openDataset);
  return (
    <button
      type="button"
      className="btn btn-primary"
      onClick={() => {
        go('datasets');
        void openDataset(dataset, 'draft');
      }}
    >
      Open {dataset}’s curation
    </button>
  );
}

function NoDatasets(): ReactElement {
  const go = useUiStore((s) => s.go);
  return (
    <EmptyState
      icon="review"
      title="Nothing to review"
      action={
        <button type="button" className="btn btn-primary" onClick={() => go('datasets')}>
          Go to Datasets <Kbd keys="g d" />
        </button>
      }
    >
      <p>The review queue holds the rows of a dataset draft that need a person: borderline judge scores, low cluster membership, and any filter’s drops. You accept, reject or edit each one by keyboard.</p>
      <p className="muted">Create a dataset from a cluster or a filtered slice of traces, then curate its draft.</p>
    </EmptyState>
  );
}

function ChooseDataset(): ReactElement {
  const datasets = useReviewStore((s) => s.datasets);
  const open = useReviewStore((s) => s.open);
  return (
    <EmptyState icon="review" title="Choose a dataset to review">
      <ul className="review-dataset-list">
        {datasets.map((d) => (
          <li key={d.id}>
            <button type="button" className="link-button" onClick={() => void open(d.name, 'borderline')}>
              {d.name}
            </button>
          </li>
        ))}
      </ul>
    </EmptyState>
  );
}
