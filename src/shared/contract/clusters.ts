// Commands of the Explore step: clustering runs, clusters with names and members, the 2-D map, edits.
// Imports: zod only.
import { z } from 'zod';
import { Cursor, Id, PageLimit } from './common.ts';

export const EmbedderKind = z.enum(['builtin', 'openai']);
export type EmbedderKind = z.infer<typeof EmbedderKind>;

/**
 * Which text stands for a row when embedding: its task (opening request, current user turn, tools called), the
 * last user turn, the whole prompt, or the prompt without system.
 */
export const TextMode = z.enum(['task', 'last-user', 'whole-prompt', 'no-system']);
export type TextMode = z.infer<typeof TextMode>;

export const ClusterRunParams = z.object({
  embedder: EmbedderKind.default('builtin'),
  textMode: TextMode.default('task'),
  /** Coarser (-1) ↔ finer (+1); 0 is the measured default. */
  granularity: z.number().min(-1).max(1).default(0),
  /** Clusters smaller than this are folded into their neighbours; empty means "grows with the number of rows". */
  minClusterSize: z.number().int().min(2).max(100_000).optional(),
  /** Name clusters with the configured LLM too (keyword names are always made). */
  nameWithLlm: z.boolean().default(false),
});
export type ClusterRunParams = z.infer<typeof ClusterRunParams>;

export const ClusterRun = z.object({
  id: Id,
  createdAt: z.number(),
  embedder: z.string(),
  params: z.record(z.string(), z.unknown()),
  rows: z.number(),
  clusters: z.number(),
  topLevel: z.number(),
  outliers: z.number(),
  outlierShare: z.number(),
  namedBy: z.string().nullable(),
});
export type ClusterRun = z.infer<typeof ClusterRun>;

export const RepresentativeRow = z.object({ rowId: Id, text: z.string() });

export const ClusterInfo = z.object({
  id: Id,
  runId: Id,
  /** null for a top-level group; the group's id for a fine cluster. */
  parentId: Id.nullable(),
  level: z.enum(['group', 'cluster']),
  name: z.string(),
  keywordName: z.string(),
  description: z.string().nullable(),
  includeRule: z.string().nullable(),
  excludeRule: z.string().nullable(),
  namedBy: z.string(),
  keywords: z.array(z.string()),
  size: z.number(),
  share: z.number(),
  meanScore: z.number(),
  borderline: z.number(),
  representatives: z.array(RepresentativeRow),
});
export type ClusterInfo = z.infer<typeof ClusterInfo>;

export const MemberSort = z.enum(['score-asc', 'score-desc', 'row']);
export type MemberSort = z.infer<typeof MemberSort>;

export const ClusterMember = z.object({
  rowId: Id,
  traceId: Id,
  file: z.string(),
  line: z.number(),
  clusterId: Id.nullable(),
  score: z.number(),
  borderline: z.boolean(),
  prompt: z.string(),
  response: z.string(),
});
export type ClusterMember = z.infer<typeof ClusterMember>;

/** Rows imported after a run are placed into that run's clusters; naming labels a saved run's clusters with the LLM. */
export const RunRef = z.object({ runId: Id });
export type RunRef = z.infer<typeof RunRef>;

export const MapPoint = z.tuple([Id, z.number(), z.number(), Id.nullable()]);

export const clusterCommands = {
  'clusters.run': { input: ClusterRunParams, output: z.object({ jobId: Id }) },
  'clusters.runs': { input: z.object({}).default({}), output: z.array(ClusterRun) },
  'clusters.list': {
    input: z.object({ runId: Id.optional() }),
    output: z.object({ run: ClusterRun.nullable(), clusters: z.array(ClusterInfo) }),
  },
  /**
   * Members of a cluster (or of a whole group); `clusterId: null` lists outliers. `sort`: by membership score
   * (`score-asc`: misfits first; `score-desc`: the most typical first) or by row id (`row`, the default).
   * `borderlineFirst` is the older spelling of `sort: 'score-asc'`.
   */
  'clusters.members': {
    input: z.object({
      runId: Id.optional(),
      clusterId: Id.nullable(),
      sort: MemberSort.optional(),
      borderlineFirst: z.boolean().default(false),
      cursor: Cursor.optional(),
      limit: PageLimit,
    }),
    output: z.object({ total: z.number(), items: z.array(ClusterMember), nextCursor: Cursor.nullable() }),
  },
  /** Points of the 2-D map as [rowId, x, y, clusterId], sampled evenly down to `maxPoints`. */
  'clusters.map': {
    input: z.object({ runId: Id.optional(), maxPoints: z.number().int().min(100).max(200_000).default(20_000) }),
    output: z.object({ total: z.number(), points: z.array(MapPoint) }),
  },
  'clusters.rename': { input: z.object({ clusterId: Id, name: z.string().trim().min(1).max(120) }), output: ClusterInfo },
  'clusters.merge': { input: z.object({ clusterIds: z.array(Id).min(2).max(50) }), output: ClusterInfo },
  'clusters.split': { input: z.object({ clusterId: Id, parts: z.number().int().min(2).max(10).default(2) }), output: z.array(ClusterInfo) },
  /** Places rows imported after the run into its clusters without re-clustering. */
  'clusters.assign': { input: z.object({ runId: Id.optional() }), output: z.object({ jobId: Id }) },
  /** Names a saved run's clusters with the configured chat model (name, description, rules). */
  'clusters.name': { input: z.object({ runId: Id.optional() }), output: z.object({ jobId: Id }) },
  'rows.similar': {
    input: z.object({ rowId: Id, limit: z.number().int().min(1).max(100).default(10) }),
    output: z.array(z.object({ rowId: Id, traceId: Id, similarity: z.number(), prompt: z.string() })),
  },
} as const;
