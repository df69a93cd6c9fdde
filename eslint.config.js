// Lint rules, including the layer rules of ARCHITECTURE.md: a wrong import fails CI instead of a review.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeOnly = ['node:*', 'fs', 'path', 'os', 'worker_threads', 'better-sqlite3', '@lancedb/lancedb', 'openai', 'usearch', 'umap-js'];
// One gitignore-style group per rule, so `!` exceptions apply to the patterns before them.
const restrict = (group, message) => ({ 'no-restricted-imports': ['error', { patterns: [{ group, message }] }] });

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
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
);
