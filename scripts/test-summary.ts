// Prints the closing lines for CI: the suite's wall time when given (`--wall-seconds N`, measured by .ci/run
// around the whole `npm test`), then one summary line from the JSON reports vitest and Playwright wrote,
// "tests: N passed, N failed, N skipped". The summary stays the last line and alone, since it is parsed.
// Imports: node:fs, node:util.
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { 'wall-seconds': { type: 'string' } } });
const wallSeconds = values['wall-seconds'] === undefined ? null : Number(values['wall-seconds']);

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

if (wallSeconds !== null && Number.isFinite(wallSeconds)) console.log(`wall time: ${wallSeconds} s for npm test`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
