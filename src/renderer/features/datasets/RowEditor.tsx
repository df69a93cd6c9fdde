// The side panel of the selected row: its prompt and response, and edits of labels, expected output and note.
// Imports: react, components, dataset-format, the datasets store.
import { useState, type ReactElement } from 'react';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { Icon } from '../../components/Icon.tsx';
import { formatExpected, parseExpected, parseLabels } from './dataset-format.ts';
import { useDatasetsStore } from './datasets-store.ts';
import type { DatasetRowView } from '../../../shared/contract/index.ts';

export function RowEditor(): ReactElement | null {
  const row = useDatasetsStore((s) => s.rows.items.find((r) => r.rowKey === s.selectedKey) ?? null);
  const select = useDatasetsStore((s) => s.select);
  if (!row) return null;
  return (
    <aside className="side-panel dataset-row-panel" aria-label={`Row ${row.rowKey}`} data-testid="row-editor">
      <header className="side-panel-header">
        <h2 className="side-panel-title">Row {row.rowKey}</h2>
        <span className="muted small">trace {row.sourceTraceId}</span>
        <button type="button" className="btn btn-ghost btn-icon" onClick={() => select(null)} aria-label="Close row">
          <Icon name="close" />
        </button>
      </header>
      {/* Keyed by row and content so the form restarts from what is stored after a save or a switch. */}
      <RowForm key={`${row.rowKey}:${row.labels.join(',')}:${row.note ?? ''}:${formatExpected(row.expectedOutput)}`} row={row} />
    </aside>
  );
}

function RowForm({ row }: { row: DatasetRowView }): ReactElement {
  const saveRow = useDatasetsStore((s) => s.saveRow);
  const saving = useDatasetsStore((s) => s.saving);
  const saveError = useDatasetsStore((s) => s.saveError);
  const [labels, setLabels] = useState(row.labels.join(', '));
  const [expected, setExpected] = useState(formatExpected(row.expectedOutput));
  const [note, setNote] = useState(row.note ?? '');
  const dirty = labels !== row.labels.join(', ') || expected !== formatExpected(row.expectedOutput) || note !== (row.note ?? '');

  return (
    <form
      className="dataset-row-form"
      onSubmit={(e) => {
        e.preventDefault();
        void saveRow(row.rowKey, { labels: parseLabels(labels), expectedOutput: parseExpected(expected), note: note.trim() === '' ? null : note });
      }}
    >
      <h3 className="section-label">Prompt</h3>
      <pre className="code-block dataset-text">{row.prompt}</pre>
      <h3 className="section-label">Response</h3>
      <pre className="code-block dataset-text">{row.responseText || '—'}</pre>
      <label className="dataset-field">
        <span className="section-label">Labels</span>
        <input className="input" value={labels} onChange={(e) => setLabels(e.target.value)} placeholder="comma, separated" data-testid="row-labels" />
      </label>
      <label className="dataset-field">
        <span className="section-label">Expected output</span>
        <textarea className="input" rows={4} value={expected} onChange={(e) => setExpected(e.target.value)} placeholder="Text, or JSON for structured tasks" data-testid="row-expected" />
      </label>
      <label className="dataset-field">
        <span className="section-label">Note</span>
        <textarea className="input" rows={2} value={note} onChange={(e) => setNote(e.target.value)} data-testid="row-note" />
      </label>
      {saveError ? <ErrorNote message={saveError} /> : null}
      <div className="dataset-form-actions">
        <button type="submit" className="btn btn-primary" disabled={!dirty || saving} data-testid="row-save">
          {saving ? 'Saving…' : 'Save to draft'}
        </button>
        <span className="muted small">Edits go to the draft; frozen versions never change.</span>
      </div>
    </form>
  );
}
