// The bar above every screen: its title, the jobs indicator, and the shortcuts button.
// Imports: react, shell parts, components, the ui store.
import type { ReactElement } from 'react';
import { Icon } from '../components/Icon.tsx';
import { useUiStore } from './ui-store.ts';
import { JobsIndicator } from './JobsIndicator.tsx';
import { NAV } from './Sidebar.tsx';

export function TopBar(): ReactElement {
  const screen = useUiStore((s) => s.screen);
  const setHelpOpen = useUiStore((s) => s.setHelpOpen);
  const label = NAV.find((n) => n.screen === screen)?.label ?? '';

  return (
    <header className="topbar">
      <h1 className="topbar-title">{label}</h1>
      <div className="topbar-right">
        <JobsIndicator />
        <button type="button" className="btn btn-ghost btn-icon" onClick={() => setHelpOpen(true)} title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts">
          <Icon name="keyboard" />
        </button>
      </div>
    </header>
  );
}
