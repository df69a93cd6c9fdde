// Finds a Chromium for the browser tests where a user already has one, so `npm test` downloads nothing.
// Imports: node:fs, node:os, node:path only (it is loaded by playwright.config.ts before anything else).
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** What the search depends on; the host's values by default, a temp folder's in the unit test. */
export interface ChromiumHost {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  home: string;
  /** Browsers installed system-wide, most common first. */
  systemPaths: string[];
}

export type ChromiumSearch = { path: string } | { path: null; problem: string };

export const HOW_TO_GET_CHROMIUM =
  'install one (Debian/Ubuntu: sudo apt-get install chromium; macOS: brew install --cask chromium), ' +
  'run npx playwright install chromium, or set WINNOW_CHROMIUM to a Chromium or Chrome executable';

const SYSTEM_PATHS: Partial<Record<NodeJS.Platform, string[]>> = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ],
  win32: ['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'],
};

/**
 * The executable inside one chromium-<revision> folder of Playwright's cache, by platform: current Playwright
 * (Chrome for Testing builds) first, then the layout older Playwright versions left behind.
 */
const PLAYWRIGHT_LAYOUTS: Partial<Record<NodeJS.Platform, string[][]>> = {
  linux: [['chrome-linux64', 'chrome'], ['chrome-linux-arm64', 'chrome'], ['chrome-linux', 'chrome']],
  darwin: [
    ['chrome-mac-arm64', 'Google Chrome for Testing.app', 'Contents', 'MacOS', 'Google Chrome for Testing'],
    ['chrome-mac-x64', 'Google Chrome for Testing.app', 'Contents', 'MacOS', 'Google Chrome for Testing'],
    ['chrome-mac', 'Chromium.app', 'Contents', 'MacOS', 'Chromium'],
  ],
  win32: [['chrome-win64', 'chrome.exe'], ['chrome-win', 'chrome.exe']],
};

export function thisHost(): ChromiumHost {
  return { env: process.env, platform: process.platform, home: homedir(), systemPaths: SYSTEM_PATHS[process.platform] ?? [] };
}

/** Where `npx playwright install` puts browsers, following Playwright's own rules. */
function playwrightCache({ env, platform, home }: ChromiumHost): string {
  if (env.PLAYWRIGHT_BROWSERS_PATH) return env.PLAYWRIGHT_BROWSERS_PATH;
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'ms-playwright');
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'ms-playwright');
  return join(env.XDG_CACHE_HOME ?? join(home, '.cache'), 'ms-playwright');
}

/** Playwright's Chromium builds, newest revision first: the newest is the one the installed Playwright drives. */
function playwrightChromiums(host: ChromiumHost): string[] {
  const cache = playwrightCache(host);
  let revisions: number[];
  try {
    revisions = readdirSync(cache)
      .map((name) => /^chromium-(\d+)$/.exec(name)?.[1])
      .filter((revision): revision is string => revision !== undefined)
      .map(Number)
      .sort((a, b) => b - a);
  } catch {
    return [];
  }
  const layouts = PLAYWRIGHT_LAYOUTS[host.platform] ?? [];
  return revisions.flatMap((revision) => layouts.map((layout) => join(cache, `chromium-${revision}`, ...layout)));
}

/** Every place looked at, in order: WINNOW_CHROMIUM alone when set, else Playwright's cache, then the system. */
export function chromiumCandidates(host: ChromiumHost = thisHost()): string[] {
  if (host.env.WINNOW_CHROMIUM) return [host.env.WINNOW_CHROMIUM];
  return [...playwrightChromiums(host), ...host.systemPaths];
}

export function findChromium(host: ChromiumHost = thisHost()): ChromiumSearch {
  const found = chromiumCandidates(host).find((path) => existsSync(path));
  if (found) return { path: found };
  // A WINNOW_CHROMIUM that is wrong is a typo to fix, not a reason to quietly test another browser.
  const problem = host.env.WINNOW_CHROMIUM
    ? `WINNOW_CHROMIUM=${host.env.WINNOW_CHROMIUM} does not exist; point it at a Chromium or Chrome executable, or unset it`
    : `No Chromium found for the browser tests: ${HOW_TO_GET_CHROMIUM}`;
  return { path: null, problem };
}
