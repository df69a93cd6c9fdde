// Review screen placeholder: what the review queue will hold and what to do now.
// Imports: react, components, the app and ui stores.
import type { ReactElement } from 'react';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Kbd } from '../../components/Kbd.tsx';
import { useAppStore } from '../../shell/app-store.ts';
import { useUiStore } from '../../shell/ui-store.ts';

export function ReviewScreen(): ReactElement {
  const traces = useAppStore((s) => s.info?.traces ?? 0);
  const go = useUiStore((s) => s.go);
  return (
    <EmptyState
      icon="review"
      title="Nothing to review"
      action={
        <button type="button" className="btn btn-primary" onClick={() => go('traces')}>
          {traces === 0 ? 'Import traces' : 'Browse traces'} <Kbd keys="g t" />
        </button>
      }
    >
      <p>
        The review queue will show the rows that need a person: borderline cluster members and judge verdicts close to the
        line. You accept, reject or edit each one by keyboard.
      </p>
      <p className="muted">It fills once datasets and judging exist. Until then, inspect traces one by one on the Traces screen.</p>
    </EmptyState>
  );
}
