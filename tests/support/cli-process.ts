// Runs the real `winnow` command as a child process over a data folder, for CLI tests: the exit code and output,
// or the parsed --json document (failing with stderr when the command fails). Imports: node:child_process.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './shared-data.ts';

const run = promisify(execFile);
export const winnowCli = join(repoRoot, 'src/main/cli/winnow.ts');

/** `target()` is read at each call, so a test may change the folder or the environment between commands. */
export function cliRunner(target: () => { data: string; env: NodeJS.ProcessEnv }) {
  async function winnow(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const { data, env } = target();
    try {
      const r = await run(process.execPath, [winnowCli, '--data', data, ...args], { env, encoding: 'utf8' });
      return { code: 0, stdout: r.stdout, stderr: r.stderr };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, stdout: err.stdout, stderr: err.stderr };
    }
  }
  async function json<T>(...args: string[]): Promise<T> {
    const r = await winnow(...args, '--json');
    if (r.code !== 0) throw new Error(`winnow ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
    return JSON.parse(r.stdout) as T;
  }
  return { winnow, json };
}
