// Commands of the Datasets step: create and fill drafts (cluster, traces filter, rows, one trace), rows, edits,
// freeze, diff, splits, the leakage report and export. Imports: zod only (and the shared schemas).
import { z } from 'zod';
import { Cursor, Id, PageLimit } from './common.ts';
import { TraceFilter } from './traces.ts';

export const DatasetKind = z.enum(['eval', 'training']);
export type DatasetKind = z.infer<typeof DatasetKind>;

/** A dataset is named by people (CLI `NAME@v2`), so commands take its name. */
export const DatasetName = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .regex(/^[^@\s/\\][^@/\\]*$/, 'a dataset name cannot contain @, / or \\ and cannot start with a space');
export type DatasetName = z.infer<typeof DatasetName>;

/** A version number (1 = v1) or the editable draft. */
export const VersionRef = z.union([z.number().int().positive(), z.literal('draft')]);
export type VersionRef = z.infer<typeof VersionRef>;

export const DatasetSplit = z.enum(['train', 'validation', 'test']);
export type DatasetSplit = z.infer<typeof DatasetSplit>;

/** Which members of a cluster to promote: with outliers nearest to it, without them, above a score, or picked rows. */
export const ClusterPick = z.enum(['all', 'members', 'above', 'picked']);
export type ClusterPick = z.infer<typeof ClusterPick>;

/** Where rows come from. Every source reads rows of imported traces and copies their content at that moment. */
export const RowSource = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('cluster'),
    clusterId: Id,
    /** `all`: members plus the outliers nearest to it; `members`: all but outliers; `above`: members with score ≥ minScore; `picked`: rowIds only. */
    pick: ClusterPick.default('members'),
    minScore: z.number().min(0).max(1).optional(),
    rowIds: z.array(Id).max(1_000_000).optional(),
  }),
  z.object({ type: z.literal('filter'), where: TraceFilter }),
  z.object({ type: z.literal('rows'), rowIds: z.array(Id).min(1).max(1_000_000) }),
  z.object({ type: z.literal('trace'), traceId: Id }),
  /** Traces picked by hand (the traces table's selection): every row of each. */
  z.object({ type: z.literal('traces'), traceIds: z.array(Id).min(1).max(100_000) }),
]);
export type RowSource = z.infer<typeof RowSource>;

export const LeakRule = z.enum(['exact', 'conversation', 'normalized', 'near']);
export type LeakRule = z.infer<typeof LeakRule>;

export const LeakCounts = z.object({ exact: z.number(), conversation: z.number(), normalized: z.number(), near: z.number() });
export type LeakCounts = z.infer<typeof LeakCounts>;

/** Why rows offered to a dataset did not enter it. */
export const LeftOut = z.object({
  /** The trace's status is not success (e.g. error). */
  failed: z.number(),
  /** The row has no assistant response. */
  emptyResponse: z.number(),
  /** The row is already in the draft (or was offered twice). */
  duplicate: z.number(),
  /** Leaked into the excluded eval version (see `leakage`). */
  leaked: z.number(),
  /** Lacked a declared column. */
  missingColumns: z.number(),
  /** Beyond the kind's row cap (only with `upToCap`). */
  overCap: z.number(),
});
export type LeftOut = z.infer<typeof LeftOut>;

export const AddReport = z.object({
  dataset: z.string(),
  /** Rows offered by the source. */
  offered: z.number(),
  added: z.number(),
  draftRows: z.number(),
  leftOut: LeftOut,
  /** The first few missing-column messages, naming the row and the columns. */
  missingColumnMessages: z.array(z.string()),
  columns: z.array(z.string()),
  leakage: z
    .object({ candidates: z.number(), excluded: LeakCounts, overlap: z.number(), warning: z.string().nullable(), threshold: z.number() })
    .nullable(),
  /** Readable one-line reasons, e.g. "3 rows left out: their trace failed". */
  notes: z.array(z.string()),
});
export type AddReport = z.infer<typeof AddReport>;

export const VersionInfo = z.object({
  id: Id,
  /** null for the draft. */
  number: z.number().nullable(),
  label: z.string(),
  status: z.enum(['draft', 'frozen']),
  rows: z.number(),
  sha256: z.string().nullable(),
  recipe: z.record(z.string(), z.unknown()),
  warnings: z.array(z.string()),
  createdAt: z.number(),
  frozenAt: z.number().nullable(),
  split: z
    .object({ seed: z.number(), fractions: z.object({ train: z.number(), validation: z.number(), test: z.number() }), rows: z.record(z.string(), z.number()) })
    .nullable(),
});
export type VersionInfo = z.infer<typeof VersionInfo>;

export const DatasetSummary = z.object({
  id: Id,
  name: z.string(),
  kind: DatasetKind,
  description: z.string(),
  taskDescription: z.string(),
  columns: z.array(z.string()).nullable(),
  /** `NAME@vN` of the frozen eval version a training set excludes. */
  excludes: z.string().nullable(),
  latestVersion: z.number().nullable(),
  draftRows: z.number().nullable(),
  latestRows: z.number().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type DatasetSummary = z.infer<typeof DatasetSummary>;

export const DatasetDetail = DatasetSummary.extend({ versions: z.array(VersionInfo), exports: z.number() });
export type DatasetDetail = z.infer<typeof DatasetDetail>;

export const DatasetRowView = z.object({
  /** The source row's id: stable across versions, the key for edits and diffs. */
  rowKey: z.number(),
  sourceTraceId: z.number(),
  conversationId: z.string().nullable(),
  turnIndex: z.number(),
  clusterId: z.number().nullable(),
  membershipScore: z.number().nullable(),
  messages: z.array(z.record(z.string(), z.unknown())),
  tools: z.array(z.unknown()).nullable(),
  response: z.record(z.string(), z.unknown()),
  metadata: z.record(z.string(), z.unknown()),
  labels: z.array(z.string()),
  expectedOutput: z.unknown(),
  note: z.string().nullable(),
  split: DatasetSplit.nullable(),
  prompt: z.string(),
  responseText: z.string(),
});
export type DatasetRowView = z.infer<typeof DatasetRowView>;

export const RowPatch = z
  .object({
    labels: z.array(z.string().max(200)).max(100).optional(),
    expectedOutput: z.unknown().optional(),
    note: z.string().max(10_000).nullable().optional(),
    /** The assistant turn in OpenAI chat shape (role assistant). */
    response: z.object({ role: z.literal('assistant') }).catchall(z.unknown()).optional(),
  })
  .refine((p) => Object.keys(p).length > 0, 'give at least one of labels, expectedOutput, note, response');
export type RowPatch = z.infer<typeof RowPatch>;

export const DiffKind = z.enum(['added', 'removed', 'changed']);
export type DiffKind = z.infer<typeof DiffKind>;

export const DiffField = z.enum(['messages', 'tools', 'response', 'metadata', 'sourceTraceId', 'conversationId', 'turnIndex', 'clusterId', 'membershipScore', 'labels', 'expectedOutput', 'note', 'split']);
export type DiffField = z.infer<typeof DiffField>;

export const DiffCounts = z.object({ added: z.number(), removed: z.number(), changed: z.number(), unchanged: z.number(), byField: z.record(z.string(), z.number()) });
export type DiffCounts = z.infer<typeof DiffCounts>;

export const DiffItem = z.object({ rowKey: z.number(), fields: z.array(DiffField), before: DatasetRowView.nullable(), after: DatasetRowView.nullable() });
export type DiffItem = z.infer<typeof DiffItem>;

export const ExcludedRowView = z.object({
  rowKey: z.number(),
  sourceTraceId: z.number(),
  rule: LeakRule,
  evalRowKey: z.number(),
  similarity: z.number().nullable(),
  prompt: z.string(),
  /** The matching eval row's prompt, so the two can be compared; null when the eval version is gone. */
  evalPrompt: z.string().nullable(),
});
export type ExcludedRowView = z.infer<typeof ExcludedRowView>;

export const ExportFormat = z.enum(['openai', 'jsonl', 'csv', 'parquet', 'hf', 'distil']);
export type ExportFormat = z.infer<typeof ExportFormat>;

export const ExportPiiPolicy = z.enum(['warn', 'refuse']);
export type ExportPiiPolicy = z.infer<typeof ExportPiiPolicy>;

export const ExportRecord = z.object({
  id: Id,
  dataset: z.string(),
  version: z.string(),
  format: ExportFormat,
  path: z.string(),
  rows: z.number(),
  sha256: z.string(),
  warning: z.string().nullable(),
  jobId: Id.nullable(),
  createdAt: z.number(),
});
export type ExportRecord = z.infer<typeof ExportRecord>;

const Target = z.object({ dataset: DatasetName });

export const datasetCommands = {
  /** Creates a dataset, optionally filled from a source; refused (nothing created) when every candidate leaks. */
  'datasets.create': {
    input: z.object({
      name: DatasetName,
      kind: DatasetKind,
      description: z.string().max(5000).default(''),
      /** Proposed from the cluster's name and rules when empty and the source is a cluster. */
      taskDescription: z.string().max(20_000).optional(),
      /** Training only: the frozen eval version whose content must not leak in. */
      excludeEval: z.object({ dataset: DatasetName, version: z.number().int().positive() }).optional(),
      /** Estimated Jaccard similarity of normalised prompts above which a row counts as a near duplicate. */
      nearThreshold: z.number().min(0.3).max(1).default(0.8),
      source: RowSource.optional(),
      /** Add rows up to the kind's cap and count the rest as left out, instead of refusing. */
      upToCap: z.boolean().default(false),
    }),
    output: z.object({ dataset: DatasetSummary, report: AddReport }),
  },
  'datasets.list': { input: z.object({}).default({}), output: z.array(DatasetSummary) },
  'datasets.get': { input: Target, output: DatasetDetail },
  /** Rows of a version in row-key order, keyset paged. Default version: the draft, else the latest frozen one. */
  'datasets.rows': {
    input: Target.extend({ version: VersionRef.optional(), split: DatasetSplit.optional(), cursor: Cursor.optional(), limit: PageLimit }),
    output: z.object({ version: z.string(), total: z.number(), items: z.array(DatasetRowView), nextCursor: Cursor.nullable() }),
  },
  /** Adds rows to the draft (starting one from the latest version when there is none). */
  'datasets.addRows': { input: Target.extend({ source: RowSource, upToCap: z.boolean().default(false) }), output: AddReport },
  /** Edits a row of the draft (starting one from the latest version when there is none). */
  'datasets.updateRow': { input: Target.extend({ rowKey: Id, patch: RowPatch }), output: DatasetRowView },
  /** Snapshots the draft as the next frozen version; guardrails are warnings, never blocks. */
  'datasets.freeze': {
    input: Target,
    output: z.object({ dataset: z.string(), version: z.string(), number: z.number(), rows: z.number(), hash: z.string(), warnings: z.array(z.string()) }),
  },
  'datasets.diff': {
    input: Target.extend({ from: VersionRef, to: VersionRef, kind: DiffKind.optional(), cursor: Cursor.optional(), limit: PageLimit }),
    output: z.object({ from: z.string(), to: z.string(), counts: DiffCounts, items: z.array(DiffItem), nextCursor: Cursor.nullable() }),
  },
  /** Deterministic split of a version (grouped by conversation, stratified by cluster), stored with the version. */
  'datasets.split': {
    input: Target.extend({
      version: VersionRef,
      test: z.number().gt(0).lt(1),
      validation: z.number().min(0).lt(1).default(0),
      seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
    }),
    output: z.object({
      dataset: z.string(),
      version: z.string(),
      seed: z.number(),
      rows: z.object({ train: z.number(), validation: z.number(), test: z.number() }),
      groups: z.object({ train: z.number(), validation: z.number(), test: z.number() }),
      smallClusters: z.array(z.number().nullable()),
    }),
  },
  /** What the leakage guard excluded from a training dataset, per rule, with the excluded rows paged. */
  'datasets.leakage': {
    input: Target.extend({ rule: LeakRule.optional(), cursor: Cursor.optional(), limit: PageLimit }),
    output: z.object({
      excludes: z.string().nullable(),
      candidates: z.number(),
      counts: LeakCounts,
      overlap: z.number(),
      threshold: z.number(),
      warning: z.string().nullable(),
      total: z.number(),
      items: z.array(ExcludedRowView),
      nextCursor: Cursor.nullable(),
    }),
  },
  /** Starts an export job; the folder `out` receives the data files and manifest.json. */
  'datasets.export': {
    input: Target.extend({
      version: VersionRef,
      format: ExportFormat,
      out: z.string().min(1).max(4096),
      /** The rows are scanned for PII first: `refuse` fails the export when any remains, `warn` writes it and says so (both recorded in manifest.json). */
      pii: ExportPiiPolicy.default('warn'),
    }),
    output: z.object({ jobId: Id, warning: z.string().nullable() }),
  },
  'datasets.exports': { input: Target, output: z.array(ExportRecord) },
} as const;
