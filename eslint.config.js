// Lint rules, including the layer rules of ARCHITECTURE.md: a wrong import fails CI instead of a review.
// tests/integration/lint-rules.test.ts plants one violation per layer rule and fails if a rule stays silent.
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const ROOT = dirname(fileURLToPath(import.meta.url));
const CORE = 'src/main/core';
// Every top-level folder of the core but platform is a domain, so a new domain is covered the day it appears.
const DOMAINS = readdirSync(`${ROOT}/${CORE}`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'platform')
  .map((entry) => entry.name);
const domainFiles = (names) => names.map((name) => `${CORE}/${name}/**`);

const nodeOnly = ['node:*', 'fs', 'path', 'os', 'worker_threads', 'better-sqlite3', '@lancedb/lancedb', 'openai', 'usearch', 'umap-js'];
// One gitignore-style group per rule, so `!` exceptions apply to the patterns before them.
const restrict = (group, message) => ({ 'no-restricted-imports': ['error', { patterns: [{ group, message }] }] });

const SQL_MESSAGE = 'SQL lives in repositories: only platform/db/ and *-repository.ts files use better-sqlite3; take a repository instead of a database.';
/**
 * Files the shared LLM client work owns, which still run their own SQL: llm-names.ts records LLM usage itself
 * and takes a database handle, llm-names-inputs.ts serves it. Remove both once llm-names takes repositories.
 */
const SQL_PENDING = [`${CORE}/clusters/llm-names.ts`, `${CORE}/clusters/llm-names-inputs.ts`];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tests/fixtures/lint/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!zod$|\\.{1,2}/)', message: 'src/shared may import zod and itself only.' }] }],
    },
  },
  {
    files: ['src/main/core/**'],
    rules: restrict(['electron', '**/renderer/**', '**/electron/**', '**/cli/**', '**/preload/**'], 'src/main/core is plain Node: no electron, renderer, CLI or adapters.'),
  },
  {
    files: ['src/main/cli/**'],
    rules: restrict(['electron', '**/renderer/**', '**/electron/**', '**/preload/**'], 'The CLI hosts the core without electron.'),
  },
  {
    files: ['src/renderer/**'],
    rules: restrict([...nodeOnly, 'electron', '**/main/**', '**/preload/**'], 'The renderer talks to main through window.api only.'),
  },
  {
    files: ['src/preload/**'],
    rules: restrict(['**/main/**', '**/renderer/**', 'zod'], 'The preload forwards contract channels; it holds no logic.'),
  },

  // Import rules that follow imports to files: which folder may use which, and no cycles.
  {
    files: ['**/*.{ts,tsx,js}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      // Type-only imports are erased at run time and do not count as a cycle.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: [`${CORE}/**`],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: ROOT,
          zones: [
            {
              target: [`${CORE}/**/engine/**`, `${CORE}/**/parse/**`],
              from: [`${CORE}/platform/db/**`, `${CORE}/platform/rpc/**`, `${CORE}/platform/jobs/**`, `${CORE}/llm/**`],
              message: 'engine/ and parse/ are pure computation: arrays and records in, plain results out; no store, jobs, commands or LLM.',
            },
            {
              target: `${CORE}/platform/**`,
              from: domainFiles(DOMAINS),
              message: 'platform/ is what every domain stands on, so it imports none of them.',
            },
            ...DOMAINS.map((domain) => ({
              target: `${CORE}/${domain}/**`,
              from: domainFiles(DOMAINS.filter((other) => other !== domain)),
              except: [`**/${CORE}/*/index.ts`],
              message: `A domain uses another domain through that domain's index.ts only: export what ${domain}/ needs from there.`,
            })),
          ],
        },
      ],
    },
  },
  {
    files: [`${CORE}/**/*.ts`],
    ignores: [`${CORE}/platform/db/**`, `${CORE}/**/*-repository.ts`, `${CORE}/**/*.test.ts`, ...SQL_PENDING],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths: [{ name: 'better-sqlite3', message: SQL_MESSAGE }] }] },
  },
  {
    // A deferred transaction that reads before it writes fails at once with "database is locked" when another
    // process (the window beside the CLI) writes; busy_timeout cannot help it. Every write transaction goes
    // through platform/db/transaction.ts, which begins IMMEDIATE.
    files: [`${CORE}/**/*.ts`],
    ignores: [`${CORE}/platform/db/transaction.ts`, `${CORE}/**/*.test.ts`],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='transaction']",
          message: 'Open write transactions with writeTransaction() from platform/db/transaction.ts (BEGIN IMMEDIATE), so writers queue across processes.',
        },
      ],
    },
  },
  {
    // A module factory is handed the database and builds its domain's repositories from it: it may name the type.
    files: [`${CORE}/*/index.ts`],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths: [{ name: 'better-sqlite3', message: SQL_MESSAGE, allowTypeImports: true }] }] },
  },
);
