// The leakage report of a training dataset: counts per rule against the excluded eval version and the
// excluded rows, filterable by rule. Imports: react, components, lib/format, the tools store.
import { useEffect, useState, type ReactElement } from 'react';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { formatCount, oneLine } from '../../lib/format.ts';
import { DatasetDialog } from './DatasetDialog.tsx';
import { useDatasetToolsStore } from './dataset-tools-store.ts';
import { LeakRule, type DatasetDetail } from '../../../shared/contract/index.ts';

export function LeakageDialog({ dataset }: { dataset: DatasetDetail }): ReactElement {
  const setTool = useDatasetToolsStore((s) => s.setTool);
  const load = useDatasetToolsStore((s) => s.loadLeakage);
  const report = useDatasetToolsStore((s) => s.leakage);
  const error = useDatasetToolsStore((s) => s.error);
  const [rule, setRule] = useState<LeakRule | null>(null);
  useEffect(() => {
    void load(dataset.name, rule ?? undefined);
  }, [load, dataset.name, rule]);

  return (
    <DatasetDialog title={`Leakage report of ${dataset.name}`} onClose={() => setTool(null)} testId="leakage-dialog">
      {error ? <ErrorNote message={error} /> : null}
      {report ? (
        <div className="dataset-leakage">
          <p>
            {report.excludes ? (
              <>
                Checked {formatCount(report.candidates)} candidate rows against <strong>{report.excludes}</strong> (near-duplicate threshold{' '}
                {report.threshold}).
              </>
            ) : (
              'This dataset excludes no eval version, so nothing was checked for leakage.'
            )}
          </p>
          {report.warning ? <p className="text-warning">{report.warning}</p> : null}
          <div className="segmented" role="group" aria-label="Rule">
            <button type="button" className="segmented-item" aria-pressed={rule === null} onClick={() => setRule(null)}>
              All {formatCount(report.total)}
            </button>
            {LeakRule.options.map((r) => (
              <button key={r} type="button" className="segmented-item" aria-pressed={rule === r} onClick={() => setRule(r)}>
                {r} {formatCount(report.counts[r])}
              </button>
            ))}
          </div>
          <ul className="dataset-diff-list" data-testid="leakage-rows">
            {report.items.map((item) => (
              <li key={`${item.rowKey}:${item.rule}`} title={item.prompt}>
                <span className="badge badge-warning">{item.rule}</span>
                <span className="muted small">
                  row {item.rowKey} ≈ eval row {item.evalRowKey}
                  {item.similarity !== null ? ` (${item.similarity.toFixed(2)})` : ''}
                </span>
                <span className="ellipsis">{oneLine(item.prompt, 160)}</span>
              </li>
            ))}
          </ul>
          {report.items.length === 0 ? <p className="muted">No excluded rows{rule ? ` for ${rule}` : ''}.</p> : null}
        </div>
      ) : null}
    </DatasetDialog>
  );
}
