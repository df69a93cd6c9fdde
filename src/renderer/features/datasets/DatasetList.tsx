// The list of datasets: name, kind, latest version, row counts and last change; a click opens one.
// Imports: react, lib/format, dataset-format, the datasets store.
import type { ReactElement } from 'react';
import { formatRelative } from '../../lib/format.ts';
import { rowCountsLine } from './dataset-format.ts';
import { useDatasetsStore } from './datasets-store.ts';

export function DatasetList(): ReactElement {
  const list = useDatasetsStore((s) => s.list);
  const openDataset = useDatasetsStore((s) => s.openDataset);
  return (
    <table className="data-table dataset-list" data-testid="dataset-list">
      <thead>
        <tr>
          <th>Name</th>
          <th>Kind</th>
          <th>Latest</th>
          <th>Rows</th>
          <th>Changed</th>
        </tr>
      </thead>
      <tbody>
        {list.map((d) => (
          <tr key={d.id} data-testid="dataset-item" data-dataset={d.name}>
            <td className="cell-title">
              <button type="button" className="link-button" onClick={() => void openDataset(d.name)}>
                {d.name}
              </button>
              {d.description ? <div className="muted small">{d.description}</div> : null}
            </td>
            <td>
              <span className={`badge ${d.kind === 'eval' ? 'badge-info' : 'badge-success'}`}>{d.kind}</span>
            </td>
            <td>{d.latestVersion === null ? <span className="muted">not frozen</span> : `v${d.latestVersion}`}</td>
            <td>{rowCountsLine(d)}</td>
            <td className="muted" title={new Date(d.updatedAt).toISOString()}>
              {formatRelative(d.updatedAt)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
