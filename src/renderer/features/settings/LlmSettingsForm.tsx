// The LLM endpoint form: base URL, chat and embedding models, the API key (write-only: never shown,
// "key saved" with Remove), Save, and where the effective values come from. Imports: react, components,
// llm-form, the settings store.
import { useEffect, useState, type FormEvent, type ReactElement } from 'react';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useSettingsStore } from './settings-store.ts';
import { draftFrom, draftProblem, isDirty, toInput, type LlmDraft } from './llm-form.ts';
import type { LlmSettings } from '../../../shared/contract/index.ts';

const SOURCE_TEXT: Record<LlmSettings['source'], string> = {
  settings: 'Saved here, in this data folder’s settings; a field left blank falls back to the environment.',
  environment:
    'From the environment (OPENAI_BASE_URL, OPENAI_API_KEY, WINNOW_LLM_MODEL, WINNOW_EMBED_MODEL). Values saved here take precedence, field by field.',
  none: 'Nothing is configured: Winnow works offline with its built-in embedder and keyword names.',
};

export function LlmSettingsForm(): ReactElement {
  const llm = useSettingsStore((s) => s.llm);
  const status = useSettingsStore((s) => s.status);
  const error = useSettingsStore((s) => s.error);
  const load = useSettingsStore((s) => s.load);
  const save = useSettingsStore((s) => s.save);
  const saving = useSettingsStore((s) => s.saving);
  const saveError = useSettingsStore((s) => s.saveError);
  const savedSeq = useSettingsStore((s) => s.savedSeq);
  const test = useSettingsStore((s) => s.test);
  const testConnection = useSettingsStore((s) => s.testConnection);
  const clearTest = useSettingsStore((s) => s.clearTest);
  const [draft, setDraft] = useState<LlmDraft>(() => draftFrom(llm));
  const [problem, setProblem] = useState<string | null>(null);
  const [justSaved, setJustSaved] = useState(false);

  useEffect(() => void load(), [load]);
  // Fresh values from the core (first load, a save, or a change elsewhere) reset the form.
  useEffect(() => setDraft(draftFrom(llm)), [llm]);
  useEffect(() => setJustSaved(savedSeq > 0), [savedSeq]);

  const edit = (patch: Partial<LlmDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setProblem(null);
    setJustSaved(false);
    clearTest();
  };
  const runTest = () => {
    const p = draftProblem(draft);
    setProblem(p);
    if (!p) void testConnection(toInput(draft));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const p = draftProblem(draft);
    setProblem(p);
    if (!p) void save(toInput(draft));
  };
  const dirty = isDirty(draft, llm);

  return (
    <form className="llm-form" onSubmit={submit} data-testid="llm-form" data-state={status}>
      {status === 'error' ? <ErrorNote message={error ?? 'Settings could not be loaded.'} onRetry={() => void load()} /> : null}
      <p className="muted">
        An OpenAI-compatible endpoint (OpenAI, or a local server such as Ollama or LM Studio) lets Winnow embed with a stronger model
        and name clusters with descriptions and rules. Everything else works offline. For OpenAI itself, a key without a base URL is
        enough.
      </p>
      <div className="form-grid">
        <label htmlFor="llm-base-url">Base URL</label>
        <input
          id="llm-base-url"
          className="input mono"
          type="url"
          value={draft.baseUrl}
          onChange={(e) => edit({ baseUrl: e.target.value })}
          placeholder="https://api.openai.com/v1 or http://localhost:11434/v1"
          spellCheck={false}
          data-testid="llm-base-url"
        />
        <label htmlFor="llm-model">Chat model</label>
        <input id="llm-model" className="input mono" value={draft.model} onChange={(e) => edit({ model: e.target.value })} placeholder="e.g. gpt-4o-mini" spellCheck={false} data-testid="llm-model" />
        <label htmlFor="llm-embedding-model">Embedding model</label>
        <input
          id="llm-embedding-model"
          className="input mono"
          value={draft.embeddingModel}
          onChange={(e) => edit({ embeddingModel: e.target.value })}
          placeholder="e.g. text-embedding-3-small"
          spellCheck={false}
          data-testid="llm-embedding-model"
        />
        <label htmlFor="llm-api-key">API key</label>
        <div className="key-field">
          <input
            id="llm-api-key"
            className="input mono"
            type="password"
            autoComplete="off"
            value={draft.apiKey}
            onChange={(e) => edit({ apiKey: e.target.value })}
            placeholder={llm?.hasApiKey && !draft.removeKey ? 'type a new key to replace the saved one' : 'not needed for most local servers'}
            data-testid="llm-api-key"
          />
          {llm?.hasApiKey ? (
            draft.removeKey ? (
              <span className="key-state small">
                <span className="badge badge-warning">removed on save</span>
                <button type="button" className="link-button" onClick={() => edit({ removeKey: false })}>
                  Undo
                </button>
              </span>
            ) : (
              <span className="key-state small">
                <span className="badge badge-success" data-testid="key-saved">
                  key saved
                </span>
                <button type="button" className="link-button" onClick={() => edit({ removeKey: true, apiKey: '' })}>
                  Remove
                </button>
              </span>
            )
          ) : null}
        </div>
        {llm?.hasApiKey && draft.baseUrl.trim() !== (llm.baseUrl ?? '') && !draft.apiKey ? (
          <p className="key-note small muted" data-testid="key-moves-note">
            A saved key stays with the URL it was saved for: with a new base URL, type the key for it again.
          </p>
        ) : null}
      </div>
      <p className="llm-source small" data-testid="llm-source" data-source={llm?.source ?? ''}>
        <span className="muted">Effective values: </span>
        {llm ? SOURCE_TEXT[llm.source] : status === 'loading' ? 'loading…' : '—'}
      </p>
      {problem ? <ErrorNote message={problem} /> : null}
      {saveError ? <ErrorNote message={saveError} /> : null}
      {test.error ? <ErrorNote message={test.error} /> : null}
      {test.result ? (
        <ul className="connection-checks" data-testid="connection-checks">
          {test.result.checks.map((c) => (
            <li key={c.purpose} className={c.ok ? 'text-success' : 'text-danger'} data-ok={c.ok}>
              {c.ok ? '✓' : '✗'} {c.purpose === 'chat' ? 'Chat' : 'Embeddings'} with <span className="mono">{c.model}</span>
              {c.ok ? ` answered in ${c.latencyMs} ms` : `: ${c.message ?? 'failed'}`}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="form-actions">
        <button type="button" className="btn" disabled={test.running || status === 'loading'} onClick={runTest} data-testid="llm-test">
          {test.running ? 'Testing…' : 'Test connection'}
        </button>
        {justSaved && !dirty ? (
          <span className="text-success small" role="status">
            Saved
          </span>
        ) : null}
        <button type="button" className="btn" disabled={!dirty || saving} onClick={() => edit(draftFrom(llm))}>
          Reset
        </button>
        <button type="submit" className="btn btn-primary" disabled={!dirty || saving || status === 'loading'} data-testid="llm-save">
          {saving ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}
