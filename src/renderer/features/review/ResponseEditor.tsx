// Editing the response under review: its text in a textarea; Ctrl+Enter saves through review.decide (the draft
// row takes the edit, the trace keeps the original), Esc cancels. Tool calls of the response are kept as they are.
// Imports: react, the review store, contract types.
import { useState, type KeyboardEvent, type ReactElement } from 'react';
import type { CurateRowView } from '../../../shared/contract/index.ts';
import { useReviewStore } from './review-store.ts';

export function ResponseEditor({ row }: { row: CurateRowView }): ReactElement {
  const save = useReviewStore((s) => s.save);
  const setEditor = useReviewStore((s) => s.setEditor);
  const saving = useReviewStore((s) => s.saving);
  const [text, setText] = useState(row.row.responseText);

  const submit = () => void save({ response: { ...row.row.response, role: 'assistant', content: text } });
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setEditor(null);
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit();
    }
  };

  return (
    <div className="response-editor" data-testid="response-editor">
      <div className="message-head">
        <span className="message-role">Edit the response</span>
        <span className="muted small">the trace keeps the original</span>
      </div>
      <textarea className="input response-editor-text" value={text} onChange={(e) => setText(e.target.value)} onKeyDown={onKeyDown} autoFocus spellCheck data-testid="response-input" />
      <div className="field-editor-actions">
        <span className="small muted">Ctrl+Enter saves · Esc cancels</span>
        <button type="button" className="btn btn-sm btn-ghost" onClick={() => setEditor(null)}>
          Cancel
        </button>
        <button type="button" className="btn btn-sm btn-primary" onClick={submit} disabled={saving || text === row.row.responseText}>
          Save edit
        </button>
      </div>
    </div>
  );
}
