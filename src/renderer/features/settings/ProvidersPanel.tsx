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
  const [editing, setEditing] = useState<string | 'new' | null>(null);

  useEffect(() => void load(), [load]);
  const current = editing && editing !== 'new' ? (providers.find((p) => p.id === editing) ?? null) : null;

  return (
    <div className="providers" data-testid="providers" data-state={status}>
      {status === 'error' ? <ErrorNote message={error ?? 'Providers could not be loaded.'} onRetry={() => void load()} /> : null}
      <p className="muted">
        OpenAI-compatible servers: OpenAI, or a local one such as Ollama, LM Studio, llama.cpp or vLLM (no key needed). They embed with a stronger
        model, name clusters and judge dataset rows. Everything else works offline. Keys are kept sealed on this machine and never shown again.
      </p>
      {providers.length === 0 && status === 'ready' ? (
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
                {p.source === 'environment' ? (
                  <span className="badge" title="OPENAI_BASE_URL, OPENAI_API_KEY, WINNOW_LLM_MODEL, WINNOW_EMBED_MODEL, WINNOW_LLM_PRICES">
                    from the environment
                  </span>
                ) : (
                  <span className="provider-actions">
                    <button type="button" className="btn btn-sm" onClick={() => setEditing(p.id)} disabled={editing !== null} data-testid="provider-edit">
                      Edit
                    </button>
                    <button type="button" className="btn btn-sm" onClick={() => void remove(p.id)} disabled={editing !== null} data-testid="provider-remove">
                      Remove
                    </button>
                  </span>
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
      {editing === 'new' ? (
        <ProviderForm provider={null} onDone={() => setEditing(null)} />
      ) : (
        <div className="form-actions">
          <button type="button" className="btn btn-primary" onClick={() => setEditing('new')} disabled={editing !== null} data-testid="provider-add">
            Add provider
          </button>
        </div>
      )}
    </div>
  );
}
