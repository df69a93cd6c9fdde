// Runs Electron's own installer (install.js: download once into the cache, unpack, write path.txt) for one
// electron package folder. Imports: node:child_process, node:path, node:url only.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export type InstallResult = { ok: true } | { ok: false; reason: string };

const deadlinePreload = pathToFileURL(join(import.meta.dirname, 'fetch-deadline.ts')).href;

/** @electron/get uses a proxy only when asked to; users expect HTTPS_PROXY alone to be enough. */
function installerEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const proxied = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'].some((name) => env[name]);
  return proxied && !env.ELECTRON_GET_USE_PROXY ? { ...env, ELECTRON_GET_USE_PROXY: 'true' } : env;
}

/** The installer prints the error's stack; its first line is the reason, the frames are noise for a user. */
function reasonFrom(stderr: string, code: number | null): string {
  const errorLine = stderr.split('\n').find((line) => /^\w*Error: /.test(line));
  return errorLine ? errorLine.replace(/^\w*Error: /, '') : `the installer exited with code ${code}`;
}

export function installElectron(dir: string, env: NodeJS.ProcessEnv = process.env): Promise<InstallResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', deadlinePreload, join(dir, 'install.js')], {
      env: installerEnv(env),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (err) => resolve({ ok: false, reason: err.message }));
    child.on('close', (code) => resolve(code === 0 ? { ok: true } : { ok: false, reason: reasonFrom(stderr, code) }));
  });
}
