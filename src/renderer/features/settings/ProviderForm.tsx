// One provider's form: name, base URL, the API key (write-only: never shown, "key saved" with Remove), limits,
// default models, the models with their prices per 1M tokens, Test connection, Save. Imports: react, components,
// provider-form, the settings store.
import { useEffect, useState, type FormEvent, type ReactElement } from 'react';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import type { Provider } from '../../../shared/contract/index.ts';
import { draftFrom, draftProblem, isDirty, newModel, toInput, type ModelDraft, type ProviderDraft } from './provider-form.ts';
import { useSettingsStore } from './settings-store.ts';

export function ProviderForm({ provider, onDone }: { provider: Provider | null; onDone: () => void }): ReactElement {
  const save = useSettingsStore((s) => s.save);
  const saving = useSettingsStore((s) => s.saving);
  const saveError = useSettingsStore((s) => s.saveError);
  const test = useSettingsStore((s) => s.test);
  const testConnection = useSettingsStore((s) => s.testConnection);
  const clearTest = useSettingsStore((s) => s.clearTest);
  const knownPrices = useSettingsStore((s) => s.knownPrices);
  const [draft, setDraft] = useState<ProviderDraft>(() => draftFrom(provider));
  const [problem, setProblem] = useState<string | null>(null);
  const [newName, setNewName] = useState('');

  useEffect(() => clearTest(), [clearTest]);

  const edit = (patch: Partial<ProviderDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setProblem(null);
    clearTest();
  };
  const editModel = (i: number, patch: Partial<ModelDraft>) => edit({ models: draft.models.map((m, j) => (j === i ? { ...m, ...patch } : m)) });
  const addModel = () => {
    const name = newName.trim();
    if (!name || draft.models.some((m) => m.name === name)) return;
    edit({ models: [...draft.models, newModel(name, draft.baseUrl, knownPrices)] });
    setNewName('');
  };
  const runTest = () => {
    const p = draftProblem(draft);
    setProblem(p);
    if (!p) void testConnection(toInput(draft));
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const p = draftProblem(draft);
    setProblem(p);
    if (!p && (await save(toInput(draft)))) onDone();
  };
  const keyMoves = provider?.hasApiKey && draft.baseUrl.trim().replace(/\/+$/, '') !== provider.baseUrl && !draft.apiKey;

  return (
    <form className="llm-form provider-form" onSubmit={(e) => void submit(e)} data-testid="provider-form" aria-label={provider ? `Edit ${provider.name}` : 'New provider'}>
      <div className="form-grid">
        <label htmlFor="provider-name">Name</label>
        <input id="provider-name" className="input" value={draft.name} onChange={(e) => edit({ name: e.target.value })} placeholder="e.g. OpenAI, Ollama" data-testid="provider-name" />
        <label htmlFor="provider-base-url">Base URL</label>
        <input
          id="provider-base-url"
          className="input mono"
          type="url"
          value={draft.baseUrl}
          onChange={(e) => edit({ baseUrl: e.target.value })}
          placeholder="https://api.openai.com/v1 or http://localhost:11434/v1"
          spellCheck={false}
          data-testid="provider-base-url"
        />
        <label htmlFor="provider-api-key">API key</label>
        <div className="key-field">
          <input
            id="provider-api-key"
            className="input mono"
            type="password"
            autoComplete="off"
            value={draft.apiKey}
            onChange={(e) => edit({ apiKey: e.target.value })}
            placeholder={provider?.hasApiKey && !draft.removeKey ? 'type a new key to replace the saved one' : 'not needed for local servers'}
            data-testid="provider-api-key"
          />
          {provider?.hasApiKey ? (
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
        {keyMoves ? (
          <p className="key-note small muted" data-testid="key-moves-note">
            A saved key stays with the URL it was saved for: with a new base URL, type the key for it again.
          </p>
        ) : null}
        <label htmlFor="provider-chat-model">Default chat model</label>
        <input
          id="provider-chat-model"
          className="input mono"
          value={draft.defaultChatModel}
          onChange={(e) => edit({ defaultChatModel: e.target.value })}
          placeholder="used for naming and judging when a run names none, e.g. gpt-4o-mini"
          spellCheck={false}
          data-testid="provider-chat-model"
        />
        <label htmlFor="provider-embedding-model">Embedding model</label>
        <input
          id="provider-embedding-model"
          className="input mono"
          value={draft.defaultEmbeddingModel}
          onChange={(e) => edit({ defaultEmbeddingModel: e.target.value })}
          placeholder="e.g. text-embedding-3-small"
          spellCheck={false}
          data-testid="provider-embedding-model"
        />
        <label htmlFor="provider-concurrency">Limits</label>
        <div className="limits-field small">
          <input id="provider-concurrency" className="input num" inputMode="numeric" value={draft.concurrency} onChange={(e) => edit({ concurrency: e.target.value })} data-testid="provider-concurrency" />
          <span className="muted">calls at once ·</span>
          <input
            aria-label="Timeout in seconds"
            className="input num"
            inputMode="decimal"
            value={draft.timeoutSeconds}
            onChange={(e) => edit({ timeoutSeconds: e.target.value })}
            data-testid="provider-timeout"
          />
          <span className="muted">s timeout per call</span>
        </div>
      </div>
      <table className="models-table small" data-testid="provider-models">
        <thead>
          <tr>
            <th>Model</th>
            <th>Use</th>
            <th className="num">$ / 1M input</th>
            <th className="num">$ / 1M output</th>
            <th aria-label="Remove" />
          </tr>
        </thead>
        <tbody>
          {draft.models.map((m, i) => (
            <tr key={i} data-testid="provider-model-row">
              <td className="mono">{m.name}</td>
              <td>
                <select className="input" value={m.purpose} aria-label={`Use of ${m.name}`} onChange={(e) => editModel(i, { purpose: e.target.value as ModelDraft['purpose'] })}>
                  <option value="chat">chat</option>
                  <option value="embeddings">embeddings</option>
                </select>
              </td>
              <td>
                <input className="input num" inputMode="decimal" aria-label={`Input price of ${m.name}`} value={m.input} onChange={(e) => editModel(i, { input: e.target.value })} />
              </td>
              <td>
                <input className="input num" inputMode="decimal" aria-label={`Output price of ${m.name}`} value={m.output} onChange={(e) => editModel(i, { output: e.target.value })} />
              </td>
              <td>
                <button type="button" className="link-button" aria-label={`Remove ${m.name}`} onClick={() => edit({ models: draft.models.filter((_, j) => j !== i) })}>
                  Remove
                </button>
              </td>
            </tr>
          ))}
          <tr>
            <td colSpan={4}>
              <input
                className="input mono"
                list="known-models"
                value={newName}
                onChange={(e) => setNewName(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    addModel();
                  }
                }}
                placeholder="add a model (known OpenAI models get their list price; local servers 0)"
                aria-label="New model name"
                data-testid="provider-new-model"
              />
              <datalist id="known-models">
                {knownPrices.map((k) => (
                  <option key={k.name} value={k.name} />
                ))}
              </datalist>
            </td>
            <td>
              <button type="button" className="btn btn-sm" onClick={addModel} disabled={!newName.trim()} data-testid="provider-add-model">
                Add
              </button>
            </td>
          </tr>
        </tbody>
      </table>
      {problem ? <ErrorNote message={problem} /> : null}
      {saveError ? <ErrorNote message={saveError} /> : null}
      {test.error ? <ErrorNote message={test.error} /> : null}
      {test.result ? (
        <ul className="connection-checks" data-testid="connection-checks">
          {test.result.checks.map((c) => (
            <li key={`${c.purpose}:${c.model}`} className={c.ok ? 'text-success' : 'text-danger'} data-ok={c.ok}>
              {c.ok ? '✓' : '✗'} {c.purpose === 'chat' ? 'Chat' : 'Embeddings'} with <span className="mono">{c.model}</span>
              {c.ok ? ` answered in ${c.latencyMs} ms` : `: ${c.message ?? 'failed'}`}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="form-actions">
        <button type="button" className="btn" disabled={test.running} onClick={runTest} data-testid="provider-test">
          {test.running ? 'Testing…' : 'Test connection'}
        </button>
        <button type="button" className="btn" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={saving || (provider !== null && !isDirty(draft, provider))} data-testid="provider-save">
          {saving ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}
