// The Chromium search behind the browser tests, over a temp folder standing in for a home and a system.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ChromiumHost, findChromium } from '../e2e/support/find-chromium.ts';
import { makeTempDir } from '../support/temp-dir.ts';

describe('findChromium', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let home: string;
  let system: string[];
  beforeEach(() => {
    tmp = makeTempDir('winnow-chromium-');
    home = join(tmp.path, 'home');
    system = [join(tmp.path, 'usr/bin/chromium'), join(tmp.path, 'usr/bin/google-chrome')];
  });
  afterEach(() => tmp.remove());

  const host = (over: Partial<ChromiumHost> = {}): ChromiumHost => ({ env: {}, platform: 'linux', home, systemPaths: system, ...over });
  const put = (path: string): string => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, '');
    return path;
  };

  it('with no browser anywhere, says in one line how to get one', () => {
    const r = findChromium(host());
    expect(r.path).toBeNull();
    const problem = 'problem' in r ? r.problem : '';
    for (const way of ['apt-get install chromium', 'npx playwright install chromium', 'WINNOW_CHROMIUM']) expect(problem).toContain(way);
    expect(problem).not.toContain('\n');
  });

  it('finds a system browser that is not the first usual path', () => {
    expect(findChromium(host()).path).toBeNull();
    const chrome = put(system[1]!);
    expect(findChromium(host()).path).toBe(chrome);
  });

  it("prefers Playwright's newest Chromium in ~/.cache/ms-playwright over the system's", () => {
    put(system[0]!);
    put(join(home, '.cache/ms-playwright/chromium-1100/chrome-linux/chrome'));
    const newest = put(join(home, '.cache/ms-playwright/chromium-1255/chrome-linux64/chrome'));
    put(join(home, '.cache/ms-playwright/chromium_headless_shell-1300/chrome-linux/headless_shell'));
    expect(findChromium(host()).path).toBe(newest);
  });

  it("follows Playwright's cache rules: XDG_CACHE_HOME, PLAYWRIGHT_BROWSERS_PATH, and ~/Library/Caches on macOS", () => {
    const xdg = put(join(tmp.path, 'xdg/ms-playwright/chromium-1255/chrome-linux64/chrome'));
    expect(findChromium(host({ env: { XDG_CACHE_HOME: join(tmp.path, 'xdg') } })).path).toBe(xdg);
    const shared = put(join(tmp.path, 'browsers/chromium-1200/chrome-linux/chrome'));
    expect(findChromium(host({ env: { PLAYWRIGHT_BROWSERS_PATH: join(tmp.path, 'browsers') } })).path).toBe(shared);
    const mac = put(
      join(home, 'Library/Caches/ms-playwright/chromium-1255/chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing'),
    );
    expect(findChromium(host({ platform: 'darwin', systemPaths: [] })).path).toBe(mac);
  });

  it('uses WINNOW_CHROMIUM when set, and reports it when it points nowhere instead of testing another browser', () => {
    put(system[0]!);
    const chosen = put(join(tmp.path, 'opt/chrome'));
    expect(findChromium(host({ env: { WINNOW_CHROMIUM: chosen } })).path).toBe(chosen);
    const r = findChromium(host({ env: { WINNOW_CHROMIUM: join(tmp.path, 'nonexistent') } }));
    expect(r.path).toBeNull();
    expect('problem' in r && r.problem).toContain(`WINNOW_CHROMIUM=${join(tmp.path, 'nonexistent')} does not exist`);
  });
});
