// Under a row's turn in a trace's conversation: which row it is and where it sits in the clustering (its
// cluster and membership score, or that it is an outlier and nearest to which cluster), with a link that opens
// the cluster. Imports: react, cluster-format, open-cluster, shared contract types.
import type { ReactElement } from 'react';
import { formatScore } from '../clusters/cluster-format.ts';
import { openCluster } from '../clusters/open-cluster.ts';
import type { RowCluster } from '../../../shared/contract/index.ts';

export interface RowMark {
  rowId: number;
  turnIndex: number;
  cluster: RowCluster | null;
}

export function RowClusterChip({ mark, rows }: { mark: RowMark; rows: number }): ReactElement {
  const c = mark.cluster;
  const label = rows > 1 ? `Row ${mark.turnIndex + 1} of ${rows}` : 'Row';
  return (
    <div className="row-cluster" data-testid="row-cluster" data-row-id={mark.rowId} data-cluster-id={c ? (c.clusterId ?? 'outlier') : ''}>
      <span className="row-cluster-label">{label}</span>
      {c ? (
        <>
          <span className="muted">{c.outlier ? 'outlier, nearest' : 'in'}</span>
          <button
            type="button"
            className="link-button row-cluster-name"
            onClick={() => openCluster(c.runId, c.outlier ? null : c.clusterId, mark.rowId)}
            title={c.outlier ? 'Open the outliers of this clustering' : 'Open this cluster'}
          >
            {c.name || (c.outlier ? 'no cluster' : 'unnamed cluster')}
          </button>
          <span className="mono" title="Membership: how well the row fits its cluster (0–1)">
            fit {formatScore(c.score)}
          </span>
          {c.outlier ? <span className="badge badge-danger">outlier</span> : c.borderline ? <span className="badge badge-warning">borderline</span> : null}
        </>
      ) : (
        <span className="muted">not in the clustering shown</span>
      )}
    </div>
  );
}
