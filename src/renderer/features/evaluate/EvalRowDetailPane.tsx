// The open row: what was sent (the prompt, with the run's system prompt in place), the expected output, and
// each model's output side by side with its verdict, score, latency and cost. Imports: react, lib/format,
// the rows store, ./eval-row-columns.tsx, ./eval-lines.ts.
import type { ReactElement } from 'react';
import { Icon } from '../../components/Icon.tsx';
import { Kbd } from '../../components/Kbd.tsx';
import { formatCost, formatLatency } from '../../lib/format.ts';
import { BASELINE_HELP, BASELINE_LABEL } from './eval-lines.ts';
import { useEvalRowsStore } from './eval-rows-store.ts';
import { verdict } from './eval-row-columns.tsx';
import type { EvalPredictionDetail } from '../../../shared/contract/index.ts';

function messageText(m: Record<string, unknown>): string {
  const content = m.content;
  if (typeof content === 'string') return content;
  if (content === null || content === undefined) return m.tool_calls ? JSON.stringify(m.tool_calls, null, 2) : '';
  return JSON.stringify(content, null, 2);
}

export function EvalRowDetailPane(): ReactElement | null {
  const detail = useEvalRowsStore((s) => s.detail);
  const open = useEvalRowsStore((s) => s.index >= 0);
  const close = useEvalRowsStore((s) => s.close);
  if (!open) return null;
  if (!detail) return <aside className="eval-detail muted">Loading the row…</aside>;
  return (
    <aside className="eval-detail" aria-label={`Row ${detail.rowKey}`} data-testid="eval-row-detail" data-row-key={detail.rowKey}>
      <div className="eval-detail-head">
        <strong>Row {detail.rowKey}</strong>
        <span className="muted small">
          <Kbd keys="j" /> <Kbd keys="k" /> next / previous
        </span>
        <div className="eval-detail-actions">
          <button type="button" className="btn btn-ghost btn-icon" onClick={close} aria-label="Close row">
            <Icon name="close" />
          </button>
        </div>
      </div>
      <section className="eval-prompt">
        <div className="section-label">Prompt</div>
        {detail.messages.map((m, i) => (
          <div key={i} className="small">
            <span className="muted">{String(m.role ?? '')}</span>
            <pre className="code-block" data-testid="eval-row-message">
              {messageText(m)}
            </pre>
          </div>
        ))}
      </section>
      <section>
        <div className="section-label">Expected</div>
        <pre className="code-block" data-testid="eval-row-expected">
          {detail.expectedText}
        </pre>
      </section>
      <section>
        <div className="section-label">Outputs</div>
        <div className="eval-outputs">
          {detail.baseline ? <Output label={BASELINE_LABEL} p={detail.baseline} title={BASELINE_HELP} /> : null}
          {detail.predictions.map((p) => (
            <Output key={p.model} label={p.model} p={p} />
          ))}
        </div>
      </section>
    </aside>
  );
}

function Output({ label, p, title }: { label: string; p: EvalPredictionDetail; title?: string }): ReactElement {
  const v = verdict(p);
  const text = p.status === 'failed' ? (p.error ?? 'The call failed.') : (p.outputText ?? p.output ?? '');
  return (
    <div className="eval-output" data-testid="eval-output" data-model={label} data-verdict={v.word}>
      <div className="eval-output-head">
        <span className="ellipsis" title={title ?? label}>
          {label}
        </span>
        <span className={v.tone}>
          {v.mark} {v.word}
          {p.score !== null && p.score !== 0 && p.score !== 1 ? ` ${p.score.toFixed(2)}` : ''}
        </span>
      </div>
      <pre>{text || <span className="muted">(empty)</span>}</pre>
      {p.detail ? <div className="small muted">{p.detail}</div> : null}
      {p.evaluators.length > 0 ? (
        <ul className="eval-verdicts small" data-testid="eval-output-evaluators">
          {p.evaluators.map((e) => (
            <li key={`${e.scope}:${e.name}`} className={e.pass ? 'eval-pass' : 'eval-fail'} title={e.detail ?? undefined}>
              {e.pass ? '✓' : '✗'} {e.name}
              {e.scope === 'row' ? <span className="muted"> (this row)</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="small muted">
        {p.latencyMs !== null ? formatLatency(p.latencyMs) : ''}
        {p.costUsd !== null ? ` · ${formatCost(p.costUsd)}` : ''}
        {p.cached ? ' · cached' : ''}
      </div>
    </div>
  );
}
