// Playwright globalSetup: stops the browser tests before the first one when there is no Chromium, with one
// line saying how to get one instead of Playwright's "run npx playwright install" box. Imports: ./find-chromium.
import { findChromium } from './find-chromium.ts';

export default function requireChromium(): void {
  const search = findChromium();
  if (search.path !== null) return;
  const error = new Error(search.problem);
  error.stack = search.problem; // the frames would point here, which tells the reader nothing
  throw error;
}
