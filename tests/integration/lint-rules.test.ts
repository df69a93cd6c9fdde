// The layer rules of ARCHITECTURE.md are real: each planted violation (a virtual file at a path the rule
// governs, or the committed cycle under tests/fixtures/lint/) is reported under the rule that should catch
// it, and the allowed form of the same import is not. Uses the repository's own eslint.config.js.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const RESTRICTED_IMPORTS = 'no-restricted-imports';
const RESTRICTED_PATHS = 'import-x/no-restricted-paths';
const SQL_OUTSIDE_REPOSITORIES = '@typescript-eslint/no-restricted-imports';
const CYCLE = 'import-x/no-cycle';
const DEFERRED_TRANSACTION = 'no-restricted-syntax';

interface Plant {
  rule: string;
  filePath: string;
  code: string;
}

/** One planted violation per rule (and per boundary of the shell rule). */
const VIOLATIONS: Record<string, Plant> = {
  'the core imports electron': { rule: RESTRICTED_IMPORTS, filePath: 'src/main/core/clusters/planted.ts', code: "import { app } from 'electron';\nexport const x = app;\n" },
  'the core imports the CLI': { rule: RESTRICTED_IMPORTS, filePath: 'src/main/core/traces/planted.ts', code: "import { importCommand } from '../../cli/commands/import.ts';\nexport const x = importCommand;\n" },
  'the renderer imports Node': { rule: RESTRICTED_IMPORTS, filePath: 'src/renderer/features/clusters/planted.ts', code: "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n" },
  'the renderer imports main': { rule: RESTRICTED_IMPORTS, filePath: 'src/renderer/features/clusters/planted.ts', code: "import { VERSION } from '../../../main/core/create-core.ts';\nexport const x = VERSION;\n" },
  'an engine imports the store': {
    rule: RESTRICTED_PATHS,
    filePath: 'src/main/core/clusters/engine/planted.ts',
    code: "import { openDatabase } from '../../platform/db/connection.ts';\nexport const x = openDatabase;\n",
  },
  'an engine imports jobs': {
    rule: RESTRICTED_PATHS,
    filePath: 'src/main/core/clusters/engine/planted.ts',
    code: "import { JobRunner } from '../../platform/jobs/job-runner.ts';\nexport const x = JobRunner;\n",
  },
  'a parser imports the command router': {
    rule: RESTRICTED_PATHS,
    filePath: 'src/main/core/traces/parse/planted.ts',
    code: "import { CommandError } from '../../platform/rpc/router.ts';\nexport const x = CommandError;\n",
  },
  'a parser imports the LLM client': { rule: RESTRICTED_PATHS, filePath: 'src/main/core/traces/parse/planted.ts', code: "import { ChatClient } from '../../llm/index.ts';\nexport const x = ChatClient;\n" },
  'a service imports better-sqlite3': {
    rule: SQL_OUTSIDE_REPOSITORIES,
    filePath: 'src/main/core/clusters/planted-service.ts',
    code: "import BetterSqlite3 from 'better-sqlite3';\nexport const x = BetterSqlite3;\n",
  },
  'a service takes a Database type': {
    rule: SQL_OUTSIDE_REPOSITORIES,
    filePath: 'src/main/core/traces/planted-service.ts',
    code: "import type { Database } from 'better-sqlite3';\nexport type X = Database;\n",
  },
  'a module factory opens a database itself': {
    rule: SQL_OUTSIDE_REPOSITORIES,
    filePath: 'src/main/core/traces/index.ts',
    code: "import BetterSqlite3 from 'better-sqlite3';\nexport const x = BetterSqlite3;\n",
  },
  'a domain reaches into another domain': {
    rule: RESTRICTED_PATHS,
    filePath: 'src/main/core/clusters/planted.ts',
    code: "import { RowRepository } from '../traces/row-repository.ts';\nexport const x = RowRepository;\n",
  },
  'a domain reaches into another domain for a type': {
    rule: RESTRICTED_PATHS,
    filePath: 'src/main/core/embed/planted.ts',
    code: "import type { LlmEndpoint } from '../llm/llm-config.ts';\nexport type X = LlmEndpoint;\n",
  },
  'a repository opens a deferred transaction': {
    rule: DEFERRED_TRANSACTION,
    filePath: 'src/main/core/clusters/planted-repository.ts',
    code: "import type { Database } from 'better-sqlite3';\nexport const save = (db: Database): number => db.transaction(() => 1)();\n",
  },
  'a repository names its transaction mode itself': {
    rule: DEFERRED_TRANSACTION,
    filePath: 'src/main/core/traces/planted-repository.ts',
    code: "import type { Database } from 'better-sqlite3';\nexport const save = (db: Database): number => db.transaction(() => 1).deferred();\n",
  },
  'the platform imports a domain': { rule: RESTRICTED_PATHS, filePath: 'src/main/core/platform/db/planted.ts', code: "import { tracesModule } from '../../traces/index.ts';\nexport const x = tracesModule;\n" },
};

/** The allowed form of the imports above: none of the layer rules may fire. */
const ALLOWED: Record<string, Omit<Plant, 'rule'>> = {
  'an engine uses platform workers': {
    filePath: 'src/main/core/clusters/engine/planted.ts',
    code: "import { runWorkerTask } from '../../platform/workers/worker-task.ts';\nexport const x = runWorkerTask;\n",
  },
  'a repository imports better-sqlite3': {
    filePath: 'src/main/core/clusters/planted-repository.ts',
    code: "import type { Database } from 'better-sqlite3';\nexport type X = Database;\n",
  },
  'a module factory names the Database type': {
    filePath: 'src/main/core/traces/index.ts',
    code: "import type { Database } from 'better-sqlite3';\nexport type X = Database;\n",
  },
  'platform/db imports better-sqlite3': { filePath: 'src/main/core/platform/db/planted.ts', code: "import BetterSqlite3 from 'better-sqlite3';\nexport const x = BetterSqlite3;\n" },
  'a domain uses another through its index.ts': {
    filePath: 'src/main/core/clusters/planted.ts',
    code: "import { RowRepository } from '../traces/index.ts';\nexport const x = RowRepository;\n",
  },
  'a repository writes through writeTransaction': {
    filePath: 'src/main/core/clusters/planted-repository.ts',
    code: "import type { Database } from 'better-sqlite3';\nimport { writeTransaction } from '../platform/db/transaction.ts';\nexport const save = (db: Database): number => writeTransaction(db, () => 1);\n",
  },
  'a domain uses its own files': { filePath: 'src/main/core/traces/planted.ts', code: "import { RowRepository } from './row-repository.ts';\nexport const x = RowRepository;\n" },
};

const LAYER_RULES = [RESTRICTED_IMPORTS, RESTRICTED_PATHS, SQL_OUTSIDE_REPOSITORIES, CYCLE, DEFERRED_TRANSACTION];

describe('layer rules in eslint.config.js', () => {
  let eslint: ESLint;
  const ruleIds = async (code: string, filePath: string): Promise<string[]> => {
    const [result] = await eslint.lintText(code, { filePath });
    return result!.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`);
  };

  beforeAll(() => {
    // `ignore: false` so the committed cycle under tests/fixtures/lint/, which `npx eslint .` skips, is linted.
    eslint = new ESLint({ cwd: ROOT, ignore: false });
  });

  for (const [name, plant] of Object.entries(VIOLATIONS)) {
    it(`reports ${name} as ${plant.rule}`, async () => {
      expect(await ruleIds(plant.code, plant.filePath)).toEqual([plant.rule]);
    });
  }

  for (const [name, allowed] of Object.entries(ALLOWED)) {
    it(`allows ${name}`, async () => {
      const fired = (await ruleIds(allowed.code, allowed.filePath)).filter((id) => LAYER_RULES.includes(id) || id.startsWith('fatal'));
      expect(fired).toEqual([]);
    });
  }

  it(`reports an import cycle as ${CYCLE}`, async () => {
    const results = await eslint.lintFiles(['tests/fixtures/lint/cycle/a.ts', 'tests/fixtures/lint/cycle/b.ts']);
    expect(results).toHaveLength(2);
    for (const result of results) expect(result.messages.map((m) => m.ruleId)).toEqual([CYCLE]);
  });
});
