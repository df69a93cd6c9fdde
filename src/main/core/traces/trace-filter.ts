// Turns a TraceFilter into a parameterised SQL WHERE clause over the traces table: built-in facets, time, file,
// preview text, full-text search, metadata keys, clusters and outliers. Imports: contract types, search-query.
import type { FacetName, TraceFilter } from '../../../shared/contract/index.ts';
import { METADATA_PREFIX } from '../../../shared/contract/index.ts';
import { ftsQuery } from './search/search-query.ts';

export const FACET_COLUMNS: Record<FacetName, string> = {
  environment: 'environment',
  task: 'task',
  provider: 'provider',
  model: 'model',
  status: 'status',
  format: 'format',
  finishReason: 'finish_reason',
};

export interface SqlWhere {
  sql: string;
  params: unknown[];
}

const placeholders = (n: number): string => new Array<string>(n).fill('?').join(', ');

/**
 * `except` leaves one facet out (a built-in name or `metadata.KEY`), so a facet's own counts stay visible while
 * it is filtered on. `builtIn: false` leaves out every built-in facet (facet-repository counts those itself).
 */
export function buildTraceWhere(filter: TraceFilter, except?: string, options: { builtIn?: boolean } = {}): SqlWhere {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (options.builtIn !== false) {
    for (const [facet, column] of Object.entries(FACET_COLUMNS) as [FacetName, string][]) {
      const values = filter[facet];
      if (facet === except || !values || values.length === 0) continue;
      clauses.push(`${column} IN (${placeholders(values.length)})`);
      params.push(...values);
    }
  }
  if (filter.fileId !== undefined) {
    clauses.push('file_id = ?');
    params.push(filter.fileId);
  }
  if (filter.from !== undefined) {
    clauses.push('timestamp >= ?');
    params.push(filter.from);
  }
  if (filter.to !== undefined) {
    clauses.push('timestamp <= ?');
    params.push(filter.to);
  }
  if (filter.text) {
    const pattern = `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    clauses.push(`(prompt_preview LIKE ? ESCAPE '\\' OR response_preview LIKE ? ESCAPE '\\')`);
    params.push(pattern, pattern);
  }
  if (filter.search !== undefined) {
    const match = ftsQuery(filter.search, filter.searchIn);
    // Text with no word in it (only punctuation) searches for nothing, so it filters nothing out.
    if (match !== null) {
      clauses.push('id IN (SELECT rowid FROM trace_search WHERE trace_search MATCH ?)');
      params.push(match);
    }
  }
  for (const [key, values] of Object.entries(filter.metadata ?? {})) {
    if (`${METADATA_PREFIX}${key}` === except || values.length === 0) continue;
    clauses.push(`id IN (SELECT trace_id FROM trace_metadata WHERE key = ? AND value IN (${placeholders(values.length)}))`);
    params.push(key, ...values);
  }
  if (filter.cluster && filter.cluster.length > 0 && except !== 'cluster') {
    const ids = placeholders(filter.cluster.length);
    // A group stands for its clusters; each cluster id names its own run.
    clauses.push(`id IN (SELECT r.trace_id FROM cluster_members m JOIN rows r ON r.id = m.row_id
      WHERE (m.run_id, m.cluster_id) IN (SELECT run_id, id FROM clusters WHERE id IN (${ids}) OR parent_id IN (${ids})))`);
    params.push(...filter.cluster, ...filter.cluster);
  }
  if (filter.outlier !== undefined && except !== 'outlier') {
    clauses.push(`id ${filter.outlier ? '' : 'NOT '}IN (SELECT r.trace_id FROM cluster_members m JOIN rows r ON r.id = m.row_id
      WHERE m.run_id = COALESCE(?, (SELECT MAX(id) FROM cluster_runs)) AND m.cluster_id IS NULL)`);
    params.push(filter.clusterRun ?? null);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** True when the filter narrows traces by anything other than the built-in facets. */
export function hasNonFacetFilter(filter: TraceFilter): boolean {
  return buildTraceWhere(filter, undefined, { builtIn: false }).sql !== '';
}
