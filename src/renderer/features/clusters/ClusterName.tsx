// A cluster's name as a heading that turns into a field on click; Enter saves (clusters.rename), Esc cancels.
// Imports: react, components, the clusters store.
import { useEffect, useRef, useState, type FormEvent, type ReactElement } from 'react';
import { useClustersStore } from './clusters-store.ts';

export function ClusterName({ id, name }: { id: number; name: string }): ReactElement {
  const rename = useClustersStore((s) => s.rename);
  const pending = useClustersStore((s) => s.pending === 'rename');
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(name);
  const inputRef = useRef<HTMLInputElement>(null);

  // Another cluster selected (or a rename arriving from elsewhere) ends the edit.
  useEffect(() => {
    setEditing(false);
    setDraft(name);
  }, [id, name]);
  useEffect(() => {
    if (editing) inputRef.current?.select();
  }, [editing]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next = draft.trim();
    if (next === '' || next === name) {
      setEditing(false);
      setDraft(name);
      return;
    }
    if (await rename(id, next)) setEditing(false);
  };

  if (!editing) {
    return (
      <h2 className="cluster-title">
        <button type="button" className="cluster-title-button" onClick={() => setEditing(true)} title="Rename" data-testid="cluster-title">
          {name}
        </button>
      </h2>
    );
  }
  return (
    <form className="cluster-rename" onSubmit={(e) => void submit(e)}>
      <input
        ref={inputRef}
        className="input cluster-rename-input"
        value={draft}
        maxLength={120}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            // Esc here cancels the rename; it must not also close the panel.
            e.preventDefault();
            e.stopPropagation();
            setEditing(false);
            setDraft(name);
          }
        }}
        onBlur={() => {
          if (!pending) {
            setEditing(false);
            setDraft(name);
          }
        }}
        aria-label="Cluster name"
        data-testid="cluster-rename-input"
      />
      <button type="submit" className="btn btn-sm btn-primary" disabled={pending} onMouseDown={(e) => e.preventDefault()}>
        {pending ? 'Saving…' : 'Save'}
      </button>
    </form>
  );
}
