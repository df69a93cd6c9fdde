// The Evaluate screen: runs of models against frozen eval versions, their comparison and per-row results.
// Imports: react, components.
import type { ReactElement } from 'react';
import { EmptyState } from '../../components/EmptyState.tsx';

export function EvaluateScreen(): ReactElement {
  return (
    <EmptyState icon="evaluate" title="No evaluations yet">
      <p>Measure models or prompt versions against a frozen eval version: accuracy, cost per row and latency side by side.</p>
    </EmptyState>
  );
}
