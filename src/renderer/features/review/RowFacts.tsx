// What a reviewer weighs beside the conversation: the decision so far, why the row is in the queue, the judge's
// scores and rationale, every filter verdict, PII found, and the row's labels and note (editable by key).
// Imports: react, components, the review store and format helpers, datasets' label parsing.
import { useState, type ReactElement } from 'react';
import { Kbd } from '../../components/Kbd.tsx';
import { parseLabels } from '../datasets/dataset-format.ts';
import type { CurateRowView, JudgeScoresView } from '../../../shared/contract/index.ts';
import { filterName, formatScore, piiLabel } from './review-format.ts';
import { useReviewStore } from './review-store.ts';

export function RowFacts({ row }: { row: CurateRowView }): ReactElement {
  const decision = row.review?.decision ?? null;
  return (
    <aside className="review-facts" aria-label="About this row">
      <section className="facts-section" data-testid="row-decision" data-decision={decision ?? 'pending'}>
        <div className="facts-decision">
          {decision === 'accept' ? (
            <span className="badge badge-success">Accepted</span>
          ) : decision === 'reject' ? (
            <span className="badge badge-danger">Rejected</span>
          ) : (
            <span className="badge">Pending</span>
          )}
          {row.review?.edited ? <span className="badge badge-info">Response edited</span> : null}
          <span className={`muted small`}>{row.kept ? 'kept in the draft' : 'left out of the draft'}</span>
        </div>
        {row.decidedBy ? <p className="small muted facts-why">{row.decidedBy.reason}</p> : null}
        {row.borderlineReasons.length > 0 ? (
          <ul className="facts-reasons small">
            {row.borderlineReasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        ) : null}
      </section>
      <JudgeFacts judge={row.judge} flagged={row.flagged} droppedByFilter={row.verdicts.some((v) => v.drop)} />
      <section className="facts-section">
        <h3 className="section-label">Filters</h3>
        {row.verdicts.length === 0 ? (
          <p className="small muted">No filter had anything to say.</p>
        ) : (
          <ul className="facts-verdicts" data-testid="row-verdicts">
            {row.verdicts.map((v, i) => (
              <li key={i} className={v.drop ? 'verdict-drop' : 'verdict-note'}>
                <strong>{filterName(v.filter)}</strong>
                <span className="small">
                  {v.reason}
                  {v.duplicateOf !== null ? ` (copy of row ${v.duplicateOf})` : ''}
                </span>
              </li>
            ))}
          </ul>
        )}
        {row.override ? <p className="small">Override: {row.override === 'keep' ? 'kept by hand' : 'dropped by hand'}</p> : null}
      </section>
      {row.pii.length > 0 ? (
        <section className="facts-section" data-testid="row-pii">
          <h3 className="section-label">PII</h3>
          <p className="small">
            {Object.entries(countBy(row.pii.map((s) => piiLabel(s.type))))
              .map(([type, n]) => `${n} ${type}`)
              .join(' · ')}{' '}
            <span className="muted">highlighted in the text</span>
          </p>
        </section>
      ) : null}
      <LabelsAndNote row={row} />
    </aside>
  );
}

function JudgeFacts({ judge, flagged, droppedByFilter }: { judge: JudgeScoresView | null; flagged: boolean; droppedByFilter: boolean }): ReactElement {
  if (!judge) {
    return (
      <section className="facts-section">
        <h3 className="section-label">Judge</h3>
        <p className="small muted">{droppedByFilter ? 'Not judged: the judge scores only the rows the filters keep.' : 'Not judged yet. Run the judge from the dataset’s curation panel.'}</p>
      </section>
    );
  }
  if (judge.status === 'failed') {
    return (
      <section className="facts-section">
        <h3 className="section-label">Judge · {judge.model}</h3>
        <p className="small text-warning">Judgement failed: {judge.error ?? 'no valid answer'}</p>
      </section>
    );
  }
  const parts: [string, number | null][] = [
    ['Helpfulness', judge.helpfulness],
    ['Relevance', judge.relevance],
    ['Format', judge.format],
  ];
  return (
    <section className="facts-section" data-testid="row-judge">
      <h3 className="section-label">Judge · {judge.model}</h3>
      <div className="judge-overall">
        <span className={`judge-score ${flagged ? 'is-flagged' : ''}`} data-testid="judge-overall">
          {formatScore(judge.overall)}
        </span>
        <span className="small muted">overall{flagged ? ' · below the threshold' : ''}</span>
      </div>
      <dl className="judge-parts">
        {parts.map(([name, v]) => (
          <div key={name} className="judge-part">
            <dt className="small">{name}</dt>
            <dd>
              <span className="score-bar">
                <span className="score-bar-fill" style={{ width: `${Math.round((v ?? 0) * 100)}%` }} />
              </span>
              <span className="small mono">{formatScore(v)}</span>
            </dd>
          </div>
        ))}
      </dl>
      {judge.rationale ? <p className="judge-rationale small">“{judge.rationale}”</p> : null}
    </section>
  );
}

function LabelsAndNote({ row }: { row: CurateRowView }): ReactElement {
  const editor = useReviewStore((s) => s.editor);
  const setEditor = useReviewStore((s) => s.setEditor);
  const save = useReviewStore((s) => s.save);
  const note = row.review?.note ?? row.row.note ?? '';
  return (
    <section className="facts-section">
      <h3 className="section-label">
        Labels <Kbd keys="l" />
      </h3>
      {editor === 'labels' ? (
        <FieldEditor initial={row.row.labels.join(', ')} placeholder="refund, billing" onCancel={() => setEditor(null)} onSave={(v) => void save({ labels: parseLabels(v) })} testId="labels-input" />
      ) : row.row.labels.length > 0 ? (
        <div className="label-chips" data-testid="row-labels">
          {row.row.labels.map((l) => (
            <span key={l} className="badge badge-info">
              {l}
            </span>
          ))}
        </div>
      ) : (
        <p className="small muted">None</p>
      )}
      <h3 className="section-label">
        Note <Kbd keys="n" />
      </h3>
      {editor === 'note' ? (
        <FieldEditor initial={note} multiline placeholder="Why this decision" onCancel={() => setEditor(null)} onSave={(v) => void save({ note: v.trim() ? v.trim() : null })} testId="note-input" />
      ) : note ? (
        <p className="small facts-note" data-testid="row-note">
          {note}
        </p>
      ) : (
        <p className="small muted">None</p>
      )}
    </section>
  );
}

interface FieldEditorProps {
  initial: string;
  placeholder: string;
  multiline?: boolean;
  testId: string;
  onSave(value: string): void;
  onCancel(): void;
}

/** Enter saves (Ctrl+Enter in a note), Esc cancels: the hands stay on the keyboard. */
export function FieldEditor({ initial, placeholder, multiline = false, testId, onSave, onCancel }: FieldEditorProps): ReactElement {
  const [value, setValue] = useState(initial);
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onCancel();
    } else if (e.key === 'Enter' && (!multiline || e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      onSave(value);
    }
  };
  return (
    <div className="field-editor">
      {multiline ? (
        <textarea className="input" rows={3} value={value} placeholder={placeholder} onChange={(e) => setValue(e.target.value)} onKeyDown={onKeyDown} autoFocus data-testid={testId} />
      ) : (
        <input className="input input-sm" value={value} placeholder={placeholder} onChange={(e) => setValue(e.target.value)} onKeyDown={onKeyDown} autoFocus data-testid={testId} />
      )}
      <div className="field-editor-actions">
        <span className="small muted">{multiline ? 'Ctrl+Enter saves' : 'Enter saves'} · Esc cancels</span>
        <button type="button" className="btn btn-sm btn-primary" onClick={() => onSave(value)}>
          Save
        </button>
      </div>
    </div>
  );
}

function countBy(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}
