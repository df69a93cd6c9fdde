// The ordered list of schema migrations. Append only: never edit one that has shipped.
// Imports: the migration files.
import { sql as m001 } from './001-initial.ts';
import { sql as m002 } from './002-clusters.ts';
import { sql as m003 } from './003-trace-raw.ts';
import { sql as m004 } from './004-llm-cache.ts';
import { sql as m005 } from './005-import-notices.ts';
import { sql as m006 } from './006-datasets.ts';
import { sql as m007 } from './007-job-owners.ts';
import { sql as m008 } from './008-cluster-run-state.ts';
import { sql as m009 } from './009-search.ts';
import { sql as m010 } from './010-providers-judge.ts';
import { sql as m011 } from './011-curate.ts';
import { sql as m012 } from './012-eval-runs.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Table rebuilds need foreign keys off while they run; they are checked before the migration commits. */
  rebuildsTables?: boolean;
}

export const migrations: Migration[] = [
  { version: 1, name: 'initial', sql: m001 },
  { version: 2, name: 'clusters', sql: m002 },
  { version: 3, name: 'trace-raw', sql: m003, rebuildsTables: true },
  { version: 4, name: 'llm-cache', sql: m004 },
  { version: 5, name: 'import-notices', sql: m005 },
  { version: 6, name: 'datasets', sql: m006 },
  { version: 7, name: 'job-owners', sql: m007 },
  { version: 8, name: 'cluster-run-state', sql: m008 },
  { version: 9, name: 'search', sql: m009 },
  { version: 10, name: 'providers-judge', sql: m010 },
  { version: 11, name: 'curate', sql: m011 },
  { version: 12, name: 'eval-runs', sql: m012 },
];
