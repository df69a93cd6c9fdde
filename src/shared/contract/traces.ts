// Commands for browsing imported traces: filtered keyset pages, one trace in full, facet counts.
// Imports: zod only.
import { z } from 'zod';
import { Cursor, Id, PageLimit } from './common.ts';

export const FacetName = z.enum(['environment', 'task', 'provider', 'model', 'status', 'format', 'finishReason']);
export type FacetName = z.infer<typeof FacetName>;

export const TraceFilter = z.object({
  environment: z.array(z.string()).optional(),
  task: z.array(z.string()).optional(),
  provider: z.array(z.string()).optional(),
  model: z.array(z.string()).optional(),
  status: z.array(z.string()).optional(),
  format: z.array(z.string()).optional(),
  finishReason: z.array(z.string()).optional(),
  fileId: Id.optional(),
  /** Epoch milliseconds, inclusive. */
  from: z.number().optional(),
  to: z.number().optional(),
  /** Case-insensitive substring of the prompt or response. */
  text: z.string().max(500).optional(),
});
export type TraceFilter = z.infer<typeof TraceFilter>;

export const TraceSummary = z.object({
  id: Id,
  fileId: Id,
  line: z.number(),
  format: z.string(),
  environment: z.string().nullable(),
  task: z.string().nullable(),
  provider: z.string().nullable(),
  model: z.string().nullable(),
  status: z.string().nullable(),
  timestamp: z.number().nullable(),
  latencyMs: z.number().nullable(),
  totalTokens: z.number().nullable(),
  cost: z.number().nullable(),
  finishReason: z.string().nullable(),
  rows: z.number(),
  prompt: z.string(),
  response: z.string(),
});
export type TraceSummary = z.infer<typeof TraceSummary>;

/** Where a row sits in a clustering run: its cluster, or (an outlier) the cluster it is nearest to. */
export const RowCluster = z.object({
  runId: Id,
  /** null when the row is an outlier of the run. */
  clusterId: Id.nullable(),
  /** The cluster's name; for an outlier, the name of the nearest cluster. */
  name: z.string(),
  /** The cluster (or nearest cluster) id, so the window can open it. */
  nearestId: Id.nullable(),
  /** Membership 0–1 (for an outlier, its fit to the nearest cluster). */
  score: z.number(),
  outlier: z.boolean(),
  /** A member that fits its cluster only loosely. */
  borderline: z.boolean(),
});
export type RowCluster = z.infer<typeof RowCluster>;

export const TraceRow = z.object({
  id: Id,
  turnIndex: z.number(),
  conversationId: z.string(),
  messages: z.array(z.record(z.string(), z.unknown())),
  response: z.record(z.string(), z.unknown()).nullable(),
  /** The row's place in the clustering run asked for (the newest by default); null when that run lacks the row. */
  cluster: RowCluster.nullable().default(null),
});
export type TraceRow = z.infer<typeof TraceRow>;

export const TraceDetail = TraceSummary.extend({
  path: z.string(),
  raw: z.string(),
  contentHash: z.string(),
  sourceId: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  tools: z.array(z.unknown()).nullable(),
  notices: z.array(z.object({ code: z.string(), message: z.string() })),
  rowsDetail: z.array(TraceRow),
  /**
   * Why this detail is not the whole trace, when it is not: parts nested too deeply to send to the window are
   * replaced by a marker. `raw` is always complete.
   */
  problem: z.string().optional(),
});
export type TraceDetail = z.infer<typeof TraceDetail>;

export const FacetCounts = z.record(FacetName, z.array(z.object({ value: z.string().nullable(), count: z.number() })));
export type FacetCounts = z.infer<typeof FacetCounts>;

export const traceCommands = {
  'traces.list': {
    input: z.object({ where: TraceFilter.default({}), cursor: Cursor.optional(), limit: PageLimit }),
    output: z.object({ total: z.number(), items: z.array(TraceSummary), nextCursor: Cursor.nullable() }),
  },
  /** One trace in full; each row says where it sits in clustering run `clusterRunId` (default: the newest run). */
  'traces.get': { input: z.object({ id: Id, clusterRunId: Id.optional() }), output: TraceDetail },
  'traces.facets': {
    input: z.object({ where: TraceFilter.default({}) }),
    output: z.object({ total: z.number(), facets: FacetCounts, timeRange: z.object({ min: z.number().nullable(), max: z.number().nullable() }) }),
  },
} as const;
