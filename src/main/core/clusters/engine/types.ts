// Plain result and option types of the clustering engine (no behaviour): what storage, IPC and UI consume.
// Imports: nothing.

/** Work reported by long steps; `phase` names the step, done/total count its units. */
export interface Progress {
  phase: string;
  done: number;
  total: number;
}

/** How a cluster's members sit around its centroid, so scores and outliers mean the same in every cluster. */
export interface Calibration {
  /** Median cosine similarity of members to the centroid. */
  center: number;
  /** Robust spread of that similarity (1.4826 × median absolute deviation, floored). */
  spread: number;
}

export interface ClusterSummary {
  id: number;
  /** Rows labelled with this cluster (outliers not counted). */
  size: number;
  /** L2-normalised centre used for assignment. */
  centroid: Float32Array;
  /** Id of the top-level group this cluster belongs to. */
  parent: number;
  calibration: Calibration;
}

export interface TopLevelGroup {
  id: number;
  childIds: number[];
  /** Rows in the child clusters. */
  size: number;
}

/** The part of a clustering needed to place new rows: centroids, calibration and the outlier rule. */
export interface ClusterModel {
  dims: number;
  /** Robust z below which a row is an outlier of its nearest cluster (see membership.ts). */
  outlierZ: number;
  clusters: Pick<ClusterSummary, 'id' | 'centroid' | 'calibration'>[];
}

export interface Clustering extends ClusterModel {
  /** Cluster id per row; -1 marks an outlier. */
  labels: Int32Array;
  /** Nearest cluster id per row, outliers included (what an outlier would have joined). */
  nearest: Int32Array;
  /** Membership score per row in [0, 1]; outliers score 0. */
  scores: Float32Array;
  clusters: ClusterSummary[];
  topLevel: TopLevelGroup[];
  outlierShare: number;
  /** The parameters actually used, for the run record. */
  params: ClusterParams;
}

export interface ClusterParams {
  granularity: number;
  resolution: number;
  minClusterSize: number;
  neighbours: number;
  graphRows: number;
  outlierZ: number;
  seed: number;
}

export interface ClusterOptions {
  /**
   * The coarser ↔ finer knob, in [-1, 1]; 0 (default) is the measured default resolution, -1 gives
   * roughly a quarter as many clusters' worth of resolution, +1 four times as much (see granularity.ts).
   */
  granularity?: number;
  /** Clusters smaller than this are dissolved into their neighbours. Default grows with n (see granularity.ts). */
  minClusterSize?: number;
  /** Robust z-score below which a row is an outlier; default 2.5. Higher keeps more rows in clusters. */
  outlierZ?: number;
  /** Neighbours per row in the kNN graph; default 15. */
  neighbours?: number;
  /** Rows sampled for the graph step; the rest are assigned to its centroids. Default 20,000. */
  maxGraphRows?: number;
  seed?: number;
}
