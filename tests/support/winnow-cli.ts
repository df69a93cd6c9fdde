// Runs the `winnow` CLI as a user does: a fresh Node process over a data folder, with the environment a test
// gives (asynchronously, so a fake server in the test's process can answer it). Imports: node:child_process,
// node:path, node:util, the repo root.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './shared-data.ts';

const run = promisify(execFile);

export const WINNOW_CLI = join(repoRoot, 'src/main/cli/winnow.ts');

export interface WinnowCli {
  winnow(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
  /** Runs with --json and parses stdout; a non-zero exit throws with stderr. */
  json<T>(...args: string[]): Promise<T>;
}

export function winnowCli(data: string, env: () => NodeJS.ProcessEnv): WinnowCli {
  const winnow: WinnowCli['winnow'] = async (...args) => {
    try {
      const r = await run(process.execPath, [WINNOW_CLI, '--data', data, ...args], { env: env(), encoding: 'utf8' });
      return { code: 0, stdout: r.stdout, stderr: r.stderr };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, stdout: err.stdout, stderr: err.stderr };
    }
  };
  return {
    winnow,
    async json<T>(...args: string[]): Promise<T> {
      const r = await winnow(...args, '--json');
      if (r.code !== 0) throw new Error(`winnow ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
      return JSON.parse(r.stdout) as T;
    },
  };
}
