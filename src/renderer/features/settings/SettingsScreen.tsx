// Settings: where data lives, the app version, the theme, and the OpenAI-compatible model providers.
// Imports: react, components, ProvidersPanel, the app and ui stores.
import type { ReactElement } from 'react';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { ProvidersPanel } from './ProvidersPanel.tsx';
import { formatCount } from '../../lib/format.ts';
import { useAppStore } from '../../shell/app-store.ts';
import { useUiStore, type ThemePreference } from '../../shell/ui-store.ts';

const THEMES: { value: ThemePreference; label: string }[] = [
  { value: 'system', label: 'Follow the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function SettingsScreen(): ReactElement {
  const info = useAppStore((s) => s.info);
  const error = useAppStore((s) => s.error);
  const loadInfo = useAppStore((s) => s.loadInfo);
  const theme = useUiStore((s) => s.theme);
  const setTheme = useUiStore((s) => s.setTheme);

  return (
    <div className="page">
      <section className="card">
        <h2 className="card-title">Data</h2>
        {error ? <ErrorNote message={error} onRetry={() => void loadInfo()} /> : null}
        <dl className="kv">
          <dt>Data folder</dt>
          <dd className="mono">{info?.dataDir ?? '—'}</dd>
          <dt>Traces</dt>
          <dd>{formatCount(info?.traces)}</dd>
          <dt>Rows</dt>
          <dd>{formatCount(info?.rows)}</dd>
          <dt>Version</dt>
          <dd>{info?.version ?? '—'}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="llm-title">
        <h2 className="card-title" id="llm-title">
          Model providers
        </h2>
        <ProvidersPanel />
      </section>
      <section className="card">
        <h2 className="card-title">Appearance</h2>
        <div className="segmented" role="radiogroup" aria-label="Theme">
          {THEMES.map((t) => (
            <button key={t.value} type="button" role="radio" aria-checked={theme === t.value} className="segmented-item" onClick={() => setTheme(t.value)}>
              {t.label}
            </button>
          ))}
        </div>
      </section>
    </div>
  );
}
