// Smoke test of the real desktop app: the built main process in Electron opens an isolated window
// whose only bridge is `api.invoke`/`api.on`, and imports a file through the real IPC. Electron's binary is
// fetched on first launch; where it never was (closed networks, CI), this test skips and says so.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { repoRoot } from '../support/shared-data.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { FIXTURE_EXPECT, writeTraceFixture } from './support/trace-fixture.ts';

/** Reads where the electron package put its binary without requiring it: requiring it starts a download. */
function electronBinary(): string | null {
  const pathFile = join(repoRoot, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(repoRoot, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();

test('the desktop app opens an isolated window and imports a file through IPC', async () => {
  test.skip(binary === null, 'Electron binary not downloaded (it is fetched on the first `npm start`): desktop smoke test skipped');
  const dir = makeTempDir('winnow-electron-');
  const app = await electron.launch({
    executablePath: binary!,
    args: [join(repoRoot, 'out/main/index.js')],
    env: { ...process.env, WINNOW_DATA: join(dir.path, 'data') },
  });
  try {
    const page = await app.firstWindow();
    await expect(page.locator('html')).toHaveAttribute('data-app-state', 'ready');

    // What the page can reach: the bridge's two functions, no Node.
    const exposed = await page.evaluate(() => ({
      api: Object.keys((window as unknown as { api: object }).api).sort(),
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
    }));
    expect(exposed).toEqual({ api: ['invoke', 'on'], require: 'undefined', process: 'undefined' });
    // The CSP forbids eval in the page.
    expect(await page.evaluate(() => { try { return String(eval('1 + 1')); } catch { return 'blocked'; } })).toBe('blocked');

    const file = writeTraceFixture(dir.path);
    await page.getByTestId('import-path').fill(file);
    await page.getByTestId('import-submit').click();
    await expect(page.getByTestId('jobs-indicator')).toHaveAttribute('data-job-status', 'succeeded');
    await expect(page.getByTestId('trace-count')).toHaveText(String(FIXTURE_EXPECT.traces));
    // An unknown channel is refused by main, not served.
    const refused = await page.evaluate(() => (window as unknown as { api: { invoke(c: string, i: unknown): Promise<{ ok: boolean }> } }).api.invoke('fs.readFile', {}));
    expect(refused.ok).toBe(false);
  } finally {
    await app.close();
    dir.remove();
  }
});
