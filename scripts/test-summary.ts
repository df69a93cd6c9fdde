// Prints one closing line for CI from the JSON reports vitest and Playwright wrote: "N passed, N failed, N skipped".
// Imports: node:fs only.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;

const unit = 'test-results/vitest.json';
if (existsSync(unit)) {
  const r = JSON.parse(readFileSync(unit, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
}

const e2e = 'test-results/playwright.json';
if (existsSync(e2e)) {
  const r = JSON.parse(readFileSync(e2e, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  passed += r.stats.expected + r.stats.flaky;
  failed += r.stats.unexpected;
  skipped += r.stats.skipped;
}

console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
