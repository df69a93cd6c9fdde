// An inline error a person can act on, with an optional retry.
// Imports: react and components/Icon.
import type { ReactElement } from 'react';
import { Icon } from './Icon.tsx';

export function ErrorNote({ message, onRetry }: { message: string; onRetry?: () => void }): ReactElement {
  return (
    <div className="error-note" role="alert">
      <Icon name="warning" />
      <span>{message}</span>
      {onRetry ? (
        <button type="button" className="btn btn-ghost btn-sm" onClick={onRetry}>
          Retry
        </button>
      ) : null}
    </div>
  );
}
