// The Settings card of model providers: each provider with its URL, key state and models; add, edit, remove,
// and the environment's provider shown read-only. Imports: react, components, ProviderForm, the settings store.
import { useEffect, useState, type ReactElement } from 'react';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { ProviderForm } from './ProviderForm.tsx';
import { useSettingsStore } from './settings-store.ts';

export function ProvidersPanel(): ReactElement {
  const providers = useSettingsStore((s) => s.providers);
  const status = useSettingsStore((s) => s.status);
  const error = useSettingsStore((s) => s.error);
  const load = useSettingsStore((s) => s.load);
  const remove = useSettingsStore((s) => s.remove);
  const test = useSettingsStore((s) => s.test);
  const testConnection = useSettingsStore((s) => s.testConnection);
  const clearTest = useSettingsStore((s) => s.clearTest);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  /** The provider whose saved settings were last tested from the list (its result shows under its row). */
  const [tested, setTested] = useState<string | null>(null);
  const testSaved = (id: string) => {
    setTested(id);
    void testConnection({ id });
  };
  const edit = (id: string | 'new') => {
    setTested(null);
    clearTest();
    setEditing(id);
  };

  useEffect(() => void load(), [load]);
  const current = editing && editing !== 'new' ? (providers.find((p) => p.id === editing) ?? null) : null;

  return (
    <div className="providers" data-testid="providers" data-state={status}>
      {status === 'error' ? <ErrorNote message={error ?? 'Providers could not be loaded.'} onRetry={() => void load()} /> : null}
      <p className="muted">
        OpenAI-compatible servers: OpenAI, or a local one such as Ollama, LM Studio, llama.cpp or vLLM (no key needed). They embed with a stronger
        model, name clusters and judge dataset rows. Everything else works offline. Keys are kept sealed on this machine and never shown again.
      </p>
      {providers.length === 0 && status === 'ready' && editing !== 'new' ? (
        <p className="small muted" data-testid="no-providers">
          No provider yet: Winnow works offline with its built-in embedder and keyword names.
        </p>
      ) : null}
      <ul className="provider-list">
        {providers.map((p) => (
          <li key={p.id} className="provider-item" data-testid="provider-item" data-provider={p.name}>
            {editing === p.id ? (
              <ProviderForm provider={current} onDone={() => setEditing(null)} />
            ) : (
              <div className="provider-row">
                <div className="provider-main">
                  <strong>{p.name}</strong>
                  <span className="mono small">{p.baseUrl}</span>
                  <span className="small muted">
                    {p.hasApiKey ? 'key saved' : 'no key'} · {p.models.length} model{p.models.length === 1 ? '' : 's'}
                    {p.defaultChatModel ? ` · chat ${p.defaultChatModel}` : ''}
                    {p.defaultEmbeddingModel ? ` · embeddings ${p.defaultEmbeddingModel}` : ''} · {p.concurrency} at once
                  </span>
                </div>
                <span className="provider-actions">
                  <button type="button" className="btn btn-sm" onClick={() => testSaved(p.id)} disabled={editing !== null || test.running} data-testid="provider-test-saved">
                    {test.running && tested === p.id ? 'Testing…' : 'Test'}
                  </button>
                </span>
                {p.source === 'environment' ? (
                  <span className="badge" title="OPENAI_BASE_URL, OPENAI_API_KEY, WINNOW_LLM_MODEL, WINNOW_EMBED_MODEL, WINNOW_LLM_PRICES">
                    from the environment
                  </span>
                ) : (
                  <span className="provider-actions">
                    <button type="button" className="btn btn-sm" onClick={() => edit(p.id)} disabled={editing !== null} data-testid="provider-edit">
                      Edit
                    </button>
                    <button type="button" className="btn btn-sm" onClick={() => void remove(p.id)} disabled={editing !== null} data-testid="provider-remove">
                      Remove
                    </button>
                  </span>
                )}
              </div>
            )}
            {tested === p.id && editing === null && (test.result || test.error) ? (
              test.error ? (
                <ErrorNote message={test.error} />
              ) : (
                <ul className="connection-checks small" data-testid="saved-connection-checks">
                  {test.result!.checks.map((c) => (
                    <li key={`${c.purpose}:${c.model}`} className={c.ok ? 'text-success' : 'text-danger'} data-ok={c.ok}>
                      {c.ok ? '✓' : '✗'} {c.purpose === 'chat' ? 'Chat' : 'Embeddings'} with <span className="mono">{c.model}</span>
                      {c.ok ? ` answered in ${c.latencyMs} ms` : `: ${c.message ?? 'failed'}`}
                    </li>
                  ))}
                </ul>
              )
            ) : null}
          </li>
        ))}
      </ul>
      {editing === 'new' ? (
        <ProviderForm provider={null} onDone={() => setEditing(null)} />
      ) : (
        <div className="form-actions">
          <button type="button" className="btn btn-primary" onClick={() => edit('new')} disabled={editing !== null} data-testid="provider-add">
            Add provider
          </button>
        </div>
      )}
    </div>
  );
}
