// Datasets screen placeholder: what datasets will be and what to do now.
// Imports: react, components, the app and ui stores.
import type { ReactElement } from 'react';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Kbd } from '../../components/Kbd.tsx';
import { useAppStore } from '../../shell/app-store.ts';
import { useUiStore } from '../../shell/ui-store.ts';

export function DatasetsScreen(): ReactElement {
  const traces = useAppStore((s) => s.info?.traces ?? 0);
  const go = useUiStore((s) => s.go);
  return (
    <EmptyState
      icon="datasets"
      title="No datasets yet"
      action={
        <button type="button" className="btn btn-primary" onClick={() => go('traces')}>
          {traces === 0 ? 'Import traces' : 'Browse traces'} <Kbd keys="g t" />
        </button>
      }
    >
      <p>
        A dataset is a curated set of rows for evaluation or training. You edit a draft, then freeze it into an immutable,
        hashed version you can export.
      </p>
      <p className="muted">
        Creating datasets arrives in a coming version. {traces === 0 ? 'Start by importing traces.' : 'Your imported traces will be the source.'}
      </p>
    </EmptyState>
  );
}
