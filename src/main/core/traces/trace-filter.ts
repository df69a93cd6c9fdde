// Turns a TraceFilter into a parameterised SQL WHERE clause over the traces table.
// Imports: contract types only.
import type { FacetName, TraceFilter } from '../../../shared/contract/index.ts';

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

/** `except` leaves one facet out, so a facet's own counts stay visible while it is filtered on. */
export function buildTraceWhere(filter: TraceFilter, except?: FacetName): SqlWhere {
  const clauses: string[] = [];
  const params: unknown[] = [];
  for (const [facet, column] of Object.entries(FACET_COLUMNS) as [FacetName, string][]) {
    const values = filter[facet];
    if (facet === except || !values || values.length === 0) continue;
    clauses.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
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
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}
