// Where Electron's binary lives and whether it is there, read from the electron package without requiring it
// (its index.js would start a download). Imports: node:fs, node:module, node:path only.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The electron package folder: WINNOW_ELECTRON_DIR (tests point it at a copy) or the one the project resolves. */
export function electronPackageDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.WINNOW_ELECTRON_DIR) return env.WINNOW_ELECTRON_DIR;
  return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
}

export function electronVersion(dir: string): string {
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The same test Electron's install.js makes: the unpacked version matches the package and path.txt's file exists. */
export function isElectronInstalled(dir: string): boolean {
  try {
    const unpacked = readFileSync(join(dir, 'dist', 'version'), 'utf8').trim().replace(/^v/, '');
    if (unpacked !== electronVersion(dir)) return false;
    const executable = readFileSync(join(dir, 'path.txt'), 'utf8').trim();
    return executable !== '' && existsSync(join(dir, 'dist', executable));
  } catch {
    return false;
  }
}
