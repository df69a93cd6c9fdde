// Left navigation: the screens in the order a user walks them, with their shortcuts, and the data summary.
// Imports: react, components, the ui and app stores.
import type { ReactElement } from 'react';
import { Icon, type IconName } from '../components/Icon.tsx';
import { formatCount } from '../lib/format.ts';
import { useAppStore } from './app-store.ts';
import { useUiStore, type Screen } from './ui-store.ts';

export const NAV: readonly { screen: Screen; label: string; icon: IconName; keys: string }[] = [
  { screen: 'traces', label: 'Traces', icon: 'traces', keys: 'g t' },
  { screen: 'clusters', label: 'Clusters', icon: 'clusters', keys: 'g c' },
  { screen: 'datasets', label: 'Datasets', icon: 'datasets', keys: 'g d' },
  { screen: 'review', label: 'Review', icon: 'review', keys: 'g r' },
  { screen: 'evaluate', label: 'Evaluate', icon: 'evaluate', keys: 'g e' },
  { screen: 'jobs', label: 'Jobs', icon: 'jobs', keys: 'g j' },
  { screen: 'settings', label: 'Settings', icon: 'settings', keys: 'g s' },
];

export function Sidebar(): ReactElement {
  const screen = useUiStore((s) => s.screen);
  const go = useUiStore((s) => s.go);
  const info = useAppStore((s) => s.info);

  return (
    <nav className="sidebar" aria-label="Screens">
      <div className="brand">
        <svg className="brand-mark" width="20" height="20" viewBox="0 0 20 20" aria-hidden="true">
          <path d="M2 4h16l-6 7v5l-4 2v-7z" fill="currentColor" />
        </svg>
        <span className="brand-name">Winnow</span>
      </div>
      <ul className="nav-list">
        {NAV.map((item) => (
          <li key={item.screen}>
            <button
              type="button"
              className="nav-item"
              aria-current={screen === item.screen ? 'page' : undefined}
              onClick={() => go(item.screen)}
              title={`${item.label} (${item.keys})`}
            >
              <Icon name={item.icon} />
              <span className="nav-label">{item.label}</span>
              <span className="nav-keys">{item.keys}</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="sidebar-footer">
        {info ? (
          <>
            <div>
              {formatCount(info.traces)} traces · {formatCount(info.rows)} rows
            </div>
            <div className="muted">v{info.version}</div>
          </>
        ) : null}
      </div>
    </nav>
  );
}
