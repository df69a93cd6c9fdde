// `npm start` on a machine without Electron's binary: the launcher runs Electron's own installer against a
// mirror or proxy on 127.0.0.1, and when that fails it says what is missing in one paragraph, quickly.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isElectronInstalled } from '../../scripts/electron/binary.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { repoRoot } from '../support/shared-data.ts';

const realElectron = join(repoRoot, 'node_modules', 'electron');
const version = (JSON.parse(readFileSync(join(realElectron, 'package.json'), 'utf8')) as { version: string }).version;
const archive = `electron-v${version}-${process.platform}-${process.arch}.zip`;

/** An electron package without its binary: the installer's own files, its dependencies linked from the repo. */
function electronWithoutBinary(root: string): string {
  const dir = join(root, 'node_modules', 'electron');
  mkdirSync(dir, { recursive: true });
  for (const file of ['install.js', 'package.json', 'checksums.json']) copyFileSync(join(realElectron, file), join(dir, file));
  for (const scope of ['@electron', '@electron-internal']) {
    symlinkSync(realpathSync(join(repoRoot, 'node_modules', scope)), join(root, 'node_modules', scope), 'dir');
  }
  return dir;
}

interface Recorder {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

/**
 * A server on 127.0.0.1 that records each request line and answers with `answer` (or, for null, never).
 * It is also a proxy: a CONNECT is accepted and the tunnelled request is served by the same server.
 */
async function recordingServer(answer: number | null): Promise<Recorder> {
  const requests: string[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    requests.push(`${req.method} ${req.url}`);
    if (answer !== null) res.writeHead(answer).end();
  });
  server.on('connect', (req: IncomingMessage, socket: Duplex) => {
    requests.push(`${req.method} ${req.url}`);
    socket.write('HTTP/1.1 200 Connection established\r\n\r\n');
    server.emit('connection', socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

interface Launch {
  code: number | null;
  output: string;
  seconds: number;
}

/** `npm start` as the launcher runs it, in an environment holding only what the test gives it. */
function launch(env: Record<string, string>): Promise<Launch> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, 'scripts/electron-launch.ts'), 'preview'], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    // Bounded even if the launcher hangs: the assertion on `seconds` then fails instead of the run stalling.
    const guard = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(guard);
      resolve({ code, output, seconds: (Date.now() - started) / 1000 });
    });
  });
}

function expectTheMissingBinaryParagraph(r: Launch): void {
  expect(r.code).toBe(1);
  for (const phrase of [`Electron ${version} binary`, `${process.platform}-${process.arch}`, 'about 100 MB', 'only once', 'ELECTRON_MIRROR=', 'HTTPS_PROXY=']) {
    expect(r.output).toContain(phrase);
  }
  expect(r.output).not.toMatch(/^\s+at /m); // no stack trace
  expect(r.output.trim().split('\n')).toHaveLength(2); // the "Downloading…" line, then one paragraph
}

describe('electron launcher without the binary', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let electronDir: string;
  let server: Recorder | null = null;
  beforeEach(() => {
    tmp = makeTempDir('winnow-electron-launch-');
    electronDir = electronWithoutBinary(tmp.path);
  });
  afterEach(async () => {
    await server?.close();
    server = null;
    tmp.remove();
  });

  // HOME and the cache point into the temp folder, so no real download cache can answer instead of the server.
  const baseEnv = (): Record<string, string> => ({
    HOME: tmp.path,
    WINNOW_ELECTRON_DIR: electronDir,
    electron_config_cache: join(tmp.path, 'cache'),
  });

  it('asks ELECTRON_MIRROR for Electron 45 for this platform, and on a 404 explains in one paragraph', async () => {
    expect(version).toMatch(/^45\./);
    server = await recordingServer(404);
    const r = await launch({ ...baseEnv(), ELECTRON_MIRROR: `${server.url}/` });
    expect(server.requests).toEqual([`GET /v${version}/${archive}`]);
    expectTheMissingBinaryParagraph(r);
    expect(r.output).toContain('404');
    expect(r.seconds).toBeLessThan(10);
  });

  it('goes through HTTP_PROXY when one is set', async () => {
    server = await recordingServer(404);
    const r = await launch({ ...baseEnv(), ELECTRON_MIRROR: 'http://electron-mirror.invalid/', HTTP_PROXY: server.url });
    // undici tunnels every proxied request, plain HTTP included.
    expect(server.requests).toEqual(['CONNECT electron-mirror.invalid:80', `GET /v${version}/${archive}`]);
    expectTheMissingBinaryParagraph(r);
  });

  it('gives up on a mirror that never answers instead of waiting minutes', async () => {
    server = await recordingServer(null);
    const r = await launch({ ...baseEnv(), ELECTRON_MIRROR: `${server.url}/`, WINNOW_ELECTRON_ANSWER_TIMEOUT_MS: '1000' });
    expect(server.requests).toHaveLength(1);
    expectTheMissingBinaryParagraph(r);
    expect(r.output).toContain('no answer within 1 s');
    expect(r.seconds).toBeLessThan(10);
  });
});

describe('isElectronInstalled', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    tmp = makeTempDir('winnow-electron-dist-');
    writeFileSync(join(tmp.path, 'package.json'), JSON.stringify({ version: '45.4.1' }));
    mkdirSync(join(tmp.path, 'dist'));
  });
  afterEach(() => tmp.remove());

  const unpack = (distVersion: string, pathTxt: string, executable: string | null): void => {
    writeFileSync(join(tmp.path, 'dist', 'version'), distVersion);
    writeFileSync(join(tmp.path, 'path.txt'), pathTxt);
    if (executable) writeFileSync(join(tmp.path, 'dist', executable), '');
  };

  it('is true when path.txt names an unpacked binary of the package version', () => {
    unpack('v45.4.1', 'electron', 'electron');
    expect(isElectronInstalled(tmp.path)).toBe(true);
  });

  it('is false before the installer ran, when the binary is gone, or when it is another version', () => {
    expect(isElectronInstalled(tmp.path)).toBe(false);
    unpack('v45.4.1', 'electron', null);
    expect(isElectronInstalled(tmp.path)).toBe(false);
    unpack('v44.0.0', 'electron', 'electron');
    expect(isElectronInstalled(tmp.path)).toBe(false);
  });
});
