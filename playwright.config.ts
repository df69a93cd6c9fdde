// Playwright: browser tests of the built renderer (out/renderer) bridged to the real core in the test process.
// Uses the system's Chromium (Debian: /usr/bin/chromium) so nothing is downloaded; WINNOW_CHROMIUM overrides it.
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

const systemChromium = process.env.WINNOW_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.e2e.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  outputDir: 'test-results/artifacts',
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
      ...(existsSync(systemChromium) ? { executablePath: systemChromium } : {}),
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
