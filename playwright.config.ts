// Playwright: browser tests of the built renderer (out/renderer) bridged to the real core in the test process.
// Uses a Chromium the machine already has (find-chromium.ts) so nothing is downloaded; WINNOW_CHROMIUM overrides it.
import { defineConfig } from '@playwright/test';
import { findChromium } from './tests/e2e/support/find-chromium.ts';

const chromium = findChromium();

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.e2e.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  outputDir: 'test-results/artifacts',
  // Without a Chromium the run stops here with one line on how to get one.
  globalSetup: './tests/e2e/support/require-chromium.ts',
  // The JSON report feeds the one-line summary at the end of CI (scripts/test-summary.ts).
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    // Dates in the fixture are UTC; a fixed zone keeps day filters and screenshots the same everywhere.
    timezoneId: 'UTC',
    locale: 'en-US',
    deviceScaleFactor: 1,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      ...(chromium.path !== null ? { executablePath: chromium.path } : {}),
      // Background networking floods refused connections on closed networks and slows every test.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
