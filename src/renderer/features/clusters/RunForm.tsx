// The options of a clustering run and its Cluster button: embedder, the text that stands for a row,
// coarser ↔ finer, minimum cluster size, naming with the LLM. Imports: react, components,
// cluster-format, the cluster-run, settings and ui stores, shared contract types.
import { useEffect, type FormEvent, type ReactElement } from 'react';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useClusterRunStore } from './cluster-run-store.ts';
import { defaultProvider, llmCapabilities, useSettingsStore } from '../settings/settings-store.ts';
import { useUiStore } from '../../shell/ui-store.ts';
import { TextMode } from '../../../shared/contract/index.ts';
import { TEXT_MODE_LABELS, granularityLabel } from './cluster-format.ts';

const TEXT_MODE_HINTS: Record<TextMode, string> = {
  'last-user': 'What the user asked last: groups by intent.',
  'whole-prompt': 'Everything sent to the model, system prompt included.',
  'no-system': 'The conversation so far, without the system prompt.',
};

export function RunForm({ rows, submitLabel = 'Cluster' }: { rows: number; submitLabel?: string }): ReactElement {
  const options = useClusterRunStore((s) => s.options);
  const setOptions = useClusterRunStore((s) => s.setOptions);
  const start = useClusterRunStore((s) => s.start);
  const starting = useClusterRunStore((s) => s.starting);
  const error = useClusterRunStore((s) => s.error);
  const providers = useSettingsStore((s) => s.providers);
  const settingsStatus = useSettingsStore((s) => s.status);
  const loadSettings = useSettingsStore((s) => s.load);
  const go = useUiStore((s) => s.go);
  const can = llmCapabilities(providers);
  const embedder = defaultProvider(providers, 'embeddings');

  useEffect(() => {
    if (settingsStatus === 'idle') void loadSettings();
  }, [settingsStatus, loadSettings]);
  // Settings can change (or fail to load): never submit an option that is no longer available.
  useEffect(() => {
    if (!can.embeddings && options.embedder === 'openai') setOptions({ embedder: 'builtin' });
    if (!can.chat && options.nameWithLlm) setOptions({ nameWithLlm: false });
  }, [can.embeddings, can.chat, options.embedder, options.nameWithLlm, setOptions]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void start();
  };
  const settingsLink = (
    <button type="button" className="link-button" onClick={() => go('settings')}>
      Settings
    </button>
  );

  return (
    <form className="run-form" onSubmit={submit} data-testid="run-form">
      <fieldset className="run-field">
        <legend className="run-label">Embedder</legend>
        <div className="segmented" role="radiogroup" aria-label="Embedder">
          <button type="button" role="radio" className="segmented-item" aria-checked={options.embedder === 'builtin'} onClick={() => setOptions({ embedder: 'builtin' })}>
            Built-in (offline)
          </button>
          <button
            type="button"
            role="radio"
            className="segmented-item"
            aria-checked={options.embedder === 'openai'}
            disabled={!can.embeddings}
            onClick={() => setOptions({ embedder: 'openai' })}
          >
            OpenAI-compatible
          </button>
        </div>
        <p className="run-hint">
          {can.embeddings ? (
            <>
              Provider <span className="mono">{embedder?.name}</span> · model <span className="mono">{embedder?.defaultEmbeddingModel}</span>. The built-in
              embedder needs no network.
            </>
          ) : can.endpoint ? (
            <>The built-in embedder runs on this machine. To embed with your endpoint, choose an embedding model in {settingsLink}.</>
          ) : (
            <>The built-in embedder runs on this machine. To use an OpenAI-compatible embedding model, set an endpoint in {settingsLink}.</>
          )}
        </p>
      </fieldset>

      <fieldset className="run-field">
        <legend className="run-label">Text that represents a row</legend>
        <div className="radio-list">
          {TextMode.options.map((mode) => (
            <label key={mode} className="radio-option">
              <input type="radio" name="text-mode" value={mode} checked={options.textMode === mode} onChange={() => setOptions({ textMode: mode })} />
              <span>
                {TEXT_MODE_LABELS[mode]}
                {mode === 'last-user' ? <span className="muted"> (default)</span> : null}
                <span className="run-hint-inline muted"> — {TEXT_MODE_HINTS[mode]}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <div className="run-field">
        <label className="run-label" htmlFor="granularity">
          Granularity <span className="muted">· {granularityLabel(options.granularity)}</span>
        </label>
        <div className="granularity">
          <span className="small muted">Coarser</span>
          <input
            id="granularity"
            type="range"
            min={-1}
            max={1}
            step={0.25}
            value={options.granularity}
            onChange={(e) => setOptions({ granularity: Number(e.target.value) })}
            data-testid="granularity"
          />
          <span className="small muted">Finer</span>
        </div>
      </div>

      <div className="run-field">
        <div className="run-inline">
          <label className="run-label" htmlFor="min-cluster-size">
            Minimum cluster size
          </label>
          <input
            id="min-cluster-size"
            className="input run-min-size"
            inputMode="numeric"
            placeholder="automatic"
            value={options.minClusterSize}
            onChange={(e) => setOptions({ minClusterSize: e.target.value })}
          />
        </div>
        <p className="run-hint">Smaller clusters fold into their neighbours. Empty grows with the number of rows.</p>
      </div>

      <div className="run-field">
        <label className={`check-option${can.chat ? '' : ' disabled'}`}>
          <input type="checkbox" checked={options.nameWithLlm} disabled={!can.chat} onChange={(e) => setOptions({ nameWithLlm: e.target.checked })} data-testid="name-with-llm" />
          <span>Name clusters with the LLM</span>
        </label>
        <p className="run-hint">
          {can.chat ? (
            <>
              Adds a name, a description and include/exclude rules from <span className="mono">{defaultProvider(providers, 'chat')?.defaultChatModel}</span>; keyword names are always made offline.
            </>
          ) : (
            <>
              Keyword names are made offline. To add names, descriptions and rules from a chat model, {can.endpoint ? 'choose a chat model' : 'configure one'} in{' '}
              {settingsLink}.
            </>
          )}
        </p>
      </div>

      {error ? <ErrorNote message={error} /> : null}
      <div className="run-submit">
        <button type="submit" className="btn btn-primary" disabled={starting || rows === 0} data-testid="cluster-submit">
          {starting ? 'Starting…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
