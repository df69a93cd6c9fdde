// The leakage report of a training dataset: counts per rule against the excluded eval version and the
// excluded rows, filterable by rule, each opening to its prompt beside the eval row it matched.
// Imports: react, components, lib/format, the tools store.
import { useEffect, useState, type ReactElement } from 'react';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { formatCount, oneLine } from '../../lib/format.ts';
import { DatasetDialog } from './DatasetDialog.tsx';
import { useDatasetToolsStore } from './dataset-tools-store.ts';
import { LeakRule, type DatasetDetail, type ExcludedRowView } from '../../../shared/contract/index.ts';

const RULE_HELP: Record<LeakRule, string> = {
  exact: 'same trace as an eval row',
  conversation: 'its conversation has a row in the eval set',
  normalized: 'same prompt once case, spacing, punctuation and Unicode are folded',
  near: 'near-duplicate prompt (MinHash similarity at or above the threshold)',
};

export function LeakageDialog({ dataset }: { dataset: DatasetDetail }): ReactElement {
  const setTool = useDatasetToolsStore((s) => s.setTool);
  const load = useDatasetToolsStore((s) => s.loadLeakage);
  const more = useDatasetToolsStore((s) => s.moreLeakage);
  const report = useDatasetToolsStore((s) => s.leakage);
  const busy = useDatasetToolsStore((s) => s.busy);
  const error = useDatasetToolsStore((s) => s.error);
  const [rule, setRule] = useState<LeakRule | null>(null);
  useEffect(() => {
    void load(dataset.name, rule ?? undefined);
  }, [load, dataset.name, rule]);

  return (
    <DatasetDialog title={`Leakage report of ${dataset.name}`} onClose={() => setTool(null)} testId="leakage-dialog">
      {error ? <ErrorNote message={error} /> : null}
      {report ? (
        <div className="dataset-leakage" data-testid="leakage-report" data-total={report.total}>
          <p>
            {report.excludes ? (
              <>
                Checked {formatCount(report.candidates)} candidate rows against <strong>{report.excludes}</strong>: {formatCount(report.counts.exact + report.counts.conversation + report.counts.normalized + report.counts.near)} left out (
                {(report.overlap * 100).toFixed(1)}%), near-duplicate threshold {report.threshold}.
              </>
            ) : (
              'This dataset excludes no eval version, so nothing was checked for leakage.'
            )}
          </p>
          {report.warning ? <p className="text-warning">{report.warning}</p> : null}
          <div className="segmented" role="group" aria-label="Rule">
            <button type="button" className="segmented-item" aria-pressed={rule === null} onClick={() => setRule(null)}>
              All {formatCount(report.counts.exact + report.counts.conversation + report.counts.normalized + report.counts.near)}
            </button>
            {LeakRule.options.map((r) => (
              <button key={r} type="button" className="segmented-item" aria-pressed={rule === r} onClick={() => setRule(r)} title={RULE_HELP[r]} data-testid={`leak-rule-${r}`}>
                {r} {formatCount(report.counts[r])}
              </button>
            ))}
          </div>
          {rule ? <p className="muted small">{RULE_HELP[rule]}</p> : null}
          <ul className="dataset-leak-list" data-testid="leakage-rows">
            {report.items.map((item) => (
              <LeakItem key={`${item.rowKey}:${item.rule}`} item={item} />
            ))}
          </ul>
          {report.items.length === 0 ? <p className="muted">No excluded rows{rule ? ` for ${rule}` : ''}.</p> : null}
          {report.nextCursor ? (
            <button type="button" className="btn btn-sm" disabled={busy} onClick={() => void more(dataset.name, rule ?? undefined)} data-testid="leakage-more">
              Show more ({formatCount(report.items.length)} of {formatCount(report.total)})
            </button>
          ) : null}
        </div>
      ) : null}
    </DatasetDialog>
  );
}

/** One excluded row: a summary line that opens to both prompts. */
function LeakItem({ item }: { item: ExcludedRowView }): ReactElement {
  return (
    <li data-testid="leakage-row" data-rule={item.rule}>
      <details>
        <summary>
          <span className="badge badge-warning">{item.rule}</span>
          <span className="muted small">
            row {item.rowKey} ≈ eval row {item.evalRowKey}
            {item.similarity !== null ? ` (${item.similarity.toFixed(2)})` : ''}
          </span>
          <span className="ellipsis">{oneLine(item.prompt, 160)}</span>
        </summary>
        <div className="dataset-leak-compare">
          <div>
            <h4 className="section-label">Left out (trace {item.sourceTraceId})</h4>
            <pre className="code-block dataset-text">{item.prompt || '—'}</pre>
          </div>
          <div>
            <h4 className="section-label">Eval row {item.evalRowKey}</h4>
            <pre className="code-block dataset-text">{item.evalPrompt ?? 'the eval version is no longer there'}</pre>
          </div>
        </div>
      </details>
    </li>
  );
}
