// Commands for browsing imported traces: filtered keyset pages, one trace in full, facet counts.
// Imports: zod only.
import { z } from 'zod';
import { Cursor, Id, PageLimit } from './common.ts';

export const FacetName = z.enum(['environment', 'task', 'provider', 'model', 'status', 'format', 'finishReason']);
export type FacetName = z.infer<typeof FacetName>;

/**
 * Stated maxima of a filter, so a request stays cheap to check and to run: values listed for one facet, and facets
 * (built-in and metadata keys) filtered on at once. Past them the command answers invalid_input naming the limit.
 */
export const FILTER_LIMITS = { valuesPerFacet: 1000, facets: 64, searchChars: 500, metadataKeyChars: 200, metadataValueChars: 200 } as const;

const facetValues = (facet: string) =>
  z.array(z.string()).max(FILTER_LIMITS.valuesPerFacet, `${facet}: at most ${FILTER_LIMITS.valuesPerFacet.toLocaleString('en-US')} values per facet`);

/** `metadata.KEY` filters: trace metadata values (as text), keyed by metadata key; nested keys are dotted. */
export const MetadataFilter = z
  .record(
    z.string().min(1).max(FILTER_LIMITS.metadataKeyChars),
    z.array(z.string().max(FILTER_LIMITS.metadataValueChars)).max(
      FILTER_LIMITS.valuesPerFacet,
      `at most ${FILTER_LIMITS.valuesPerFacet.toLocaleString('en-US')} values per facet`,
    ),
  )
  .refine((m) => Object.keys(m).length <= FILTER_LIMITS.facets, `at most ${FILTER_LIMITS.facets} metadata keys in one filter`);

export const TraceFilter = z
  .object({
    environment: facetValues('environment').optional(),
    task: facetValues('task').optional(),
    provider: facetValues('provider').optional(),
    model: facetValues('model').optional(),
    status: facetValues('status').optional(),
    format: facetValues('format').optional(),
    finishReason: facetValues('finishReason').optional(),
    fileId: Id.optional(),
    /** Epoch milliseconds, inclusive. */
    from: z.number().optional(),
    to: z.number().optional(),
    /** Case-insensitive substring of the prompt or response previews. */
    text: z.string().max(500).optional(),
    /**
     * Full-text search over every message of every trace (tool calls and results included): each word must occur
     * (as a word or the start of one), "quoted words" as a phrase. Operators are read as plain words.
     */
    search: z.string().max(FILTER_LIMITS.searchChars).optional(),
    /** `conversation` leaves system and developer messages out of the search (a shared policy prompt matches everything). */
    searchIn: z.enum(['all', 'conversation']).optional(),
    metadata: MetadataFilter.optional(),
    /** Traces with a row in one of these clusters (a group includes its clusters); each id names its run. */
    cluster: z.array(Id).max(FILTER_LIMITS.valuesPerFacet, `cluster: at most ${FILTER_LIMITS.valuesPerFacet.toLocaleString('en-US')} values per facet`).optional(),
    /** true: traces with a row that is an outlier of the run; false: traces with none. */
    outlier: z.boolean().optional(),
    /** The clustering run `outlier` refers to; the latest run when absent. */
    clusterRun: Id.optional(),
  })
  .refine(
    (f) =>
      FacetName.options.filter((name) => (f[name]?.length ?? 0) > 0).length + Object.keys(f.metadata ?? {}).length + (f.cluster?.length ? 1 : 0) <=
      FILTER_LIMITS.facets,
    `at most ${FILTER_LIMITS.facets} facets in one filter`,
  );
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

export const FacetValue = z.object({ value: z.string().nullable(), count: z.number() });
export type FacetValue = z.infer<typeof FacetValue>;

export const FacetCounts = z.record(FacetName, z.array(FacetValue));
export type FacetCounts = z.infer<typeof FacetCounts>;

/** `metadata.KEY` as facets name it. */
export const METADATA_PREFIX = 'metadata.';

/**
 * Keys with more distinct values than this (ids, free text) list their values unfiltered only; under a filter
 * their values are reached through traces.facetValues.
 */
export const MAX_COUNTED_VALUES = 1000;

/**
 * One metadata key as a facet: its most common values under the filter (`counted` false when the key has too many
 * values to count under one: see MAX_COUNTED_VALUES), and how many values it has in all.
 */
export const MetadataFacet = z.object({ key: z.string(), distinct: z.number(), counted: z.boolean(), values: z.array(FacetValue) });
export type MetadataFacet = z.infer<typeof MetadataFacet>;

export const SearchIndexState = z.object({
  /** Traces in the search index and the metadata facets so far. */
  indexed: z.number(),
  traces: z.number(),
  /** The job filling the index, when one is queued or running. */
  jobId: Id.nullable(),
});
export type SearchIndexState = z.infer<typeof SearchIndexState>;

export const traceCommands = {
  'traces.list': {
    input: z.object({
      where: TraceFilter.default({}),
      cursor: Cursor.optional(),
      limit: PageLimit,
      /**
       * A positional jump: the page starting at this 0-based row of the filtered list (in id order), so a
       * dragged scrollbar lands anywhere in a million rows without paging there. Takes the place of `cursor`.
       */
      at: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    }),
    output: z.object({
      total: z.number(),
      items: z.array(TraceSummary),
      nextCursor: Cursor.nullable(),
      /** The row index of `items[0]` in the filtered list: given when the page was asked for by `at`. */
      offset: z.number().optional(),
    }),
  },
  /** One trace in full; each row says where it sits in clustering run `clusterRunId` (default: the newest run). */
  'traces.get': { input: z.object({ id: Id, clusterRunId: Id.optional() }), output: TraceDetail },
  'traces.facets': {
    input: z.object({ where: TraceFilter.default({}) }),
    output: z.object({
      total: z.number(),
      facets: FacetCounts,
      timeRange: z.object({ min: z.number().nullable(), max: z.number().nullable() }),
      /** Every metadata key as a facet (most traces first), counted under the filter like the built-in facets. */
      metadata: z.array(MetadataFacet).default([]),
    }),
  },
  /** The long tail of one facet: values containing `contains`, most common first, counted under the filter. */
  'traces.facetValues': {
    input: z.object({ facet: z.string().min(1).max(300), where: TraceFilter.default({}), contains: z.string().max(200).default(''), limit: z.number().int().min(1).max(1000).default(100) }),
    output: z.object({ values: z.array(FacetValue) }),
  },
  /** How far the search index is, starting the job that fills it when traces are missing from it. */
  'traces.searchIndex': { input: z.object({}).default({}), output: SearchIndexState },
} as const;
