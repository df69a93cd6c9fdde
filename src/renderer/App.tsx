// The window: sidebar, top bar, the current screen, and the help overlay; starts the data flow once.
// Imports: react, shell parts, hooks, feature screens, the ui store.
import { useEffect, type ReactElement } from 'react';
import { ClustersScreen } from './features/clusters/ClustersScreen.tsx';
import { DatasetsScreen } from './features/datasets/DatasetsScreen.tsx';
import { EvaluateScreen } from './features/evaluate/EvaluateScreen.tsx';
import { JobsScreen } from './features/jobs/JobsScreen.tsx';
import { ReviewScreen } from './features/review/ReviewScreen.tsx';
import { SettingsScreen } from './features/settings/SettingsScreen.tsx';
import { TracesScreen } from './features/traces/TracesScreen.tsx';
import { useShortcuts } from './hooks/use-shortcuts.ts';
import { useTheme } from './hooks/use-theme.ts';
import { bootstrap } from './shell/bootstrap.ts';
import { HelpOverlay } from './shell/HelpOverlay.tsx';
import { Sidebar } from './shell/Sidebar.tsx';
import { TopBar } from './shell/TopBar.tsx';
import { useUiStore, type Screen } from './shell/ui-store.ts';

const SCREENS: Record<Screen, () => ReactElement> = {
  traces: TracesScreen,
  clusters: ClustersScreen,
  datasets: DatasetsScreen,
  review: ReviewScreen,
  evaluate: EvaluateScreen,
  jobs: JobsScreen,
  settings: SettingsScreen,
};

export function App(): ReactElement {
  const screen = useUiStore((s) => s.screen);
  useTheme();
  useShortcuts();
  useEffect(() => bootstrap(), []);

  const Current = SCREENS[screen];
  return (
    <div className="app">
      <Sidebar />
      <div className="main">
        <TopBar />
        <main className="screen" data-screen={screen}>
          <Current />
        </main>
      </div>
      <HelpOverlay />
    </div>
  );
}
