// The ordered list of schema migrations. Append only: never edit one that has shipped.
// Imports: the migration files.
import { sql as m001 } from './001-initial.ts';
import { sql as m002 } from './002-clusters.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  { version: 1, name: 'initial', sql: m001 },
  { version: 2, name: 'clusters', sql: m002 },
];
