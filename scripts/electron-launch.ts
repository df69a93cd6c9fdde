// `npm start` / `npm run dev`: makes sure Electron's binary is downloaded (once), then hands over to electron-vite.
// Usage: node scripts/electron-launch.ts preview|dev [electron-vite args]. Imports: node built-ins, ./electron/*.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { electronPackageDir, electronVersion, isElectronInstalled } from './electron/binary.ts';
import { installElectron } from './electron/install-binary.ts';
import { missingBinaryMessage } from './electron/missing-binary-message.ts';

const [mode, ...rest] = process.argv.slice(2);
if (mode !== 'preview' && mode !== 'dev') {
  console.error('usage: node scripts/electron-launch.ts preview|dev [electron-vite options]');
  process.exit(2);
}

async function ensureBinary(): Promise<void> {
  // electron-vite runs ELECTRON_EXEC_PATH when it is set, so there is nothing to fetch.
  if (process.env.ELECTRON_EXEC_PATH) return;
  const dir = electronPackageDir();
  if (isElectronInstalled(dir)) return;
  const version = electronVersion(dir);
  console.error(`Downloading Electron ${version} (about 100 MB, only this once)…`);
  const result = await installElectron(dir);
  if (result.ok) return;
  console.error(missingBinaryMessage({ version, platform: process.platform, arch: process.arch, reason: result.reason }));
  process.exit(1);
}

function runElectronVite(mode: 'preview' | 'dev', rest: string[]): void {
  // The bin script itself, run with this Node: no shell and no .cmd shim, so it behaves the same on Windows.
  const packageJson = createRequire(import.meta.url).resolve('electron-vite/package.json');
  const child = spawn(process.execPath, [join(dirname(packageJson), 'bin', 'electron-vite.js'), mode, ...rest], {
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

await ensureBinary();
runElectronVite(mode, rest);
