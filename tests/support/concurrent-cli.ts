// Helpers for tests that run several real `winnow` processes over one data folder: distinct synthetic trace
// files, spawning the CLI, and reading the jobs table from outside (read-only, as a third process would).
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { repoRoot } from './shared-data.ts';

const INTENTS = ['refund a double charge', 'reset a password', 'write SQL for monthly revenue', 'change a flight to Tuesday', 'cancel a subscription', 'add checked baggage'];

/**
 * Writes `count` OpenAI-chat traces, every one distinct from those of any other `tag` (the tag and the index are
 * in the text), so imports of files with different tags add up exactly.
 */
export async function writeDistinctTraces(path: string, tag: string, count: number): Promise<void> {
  const out = createWriteStream(path);
  for (let i = 0; i < count; i++) {
    const intent = INTENTS[i % INTENTS.length]!;
    const record = {
      messages: [
        { role: 'system', content: 'You are a concise support assistant.' },
        { role: 'user', content: `[${tag} ${i}] Please help me ${intent}. ${'Some context about my account. '.repeat(1 + (i % 5))}` },
        { role: 'assistant', content: `Sure, here is how to ${intent} (${tag} ${i}). ${'A step to follow. '.repeat(2 + (i % 7))}` },
      ],
      metadata: { environment: i % 3 === 0 ? 'prod' : 'staging', model: 'gpt-4o-mini', task: intent, request_id: `${tag}-${i}` },
    };
    if (!out.write(`${JSON.stringify(record)}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

export interface CliRun {
  child: ChildProcess;
  /** Resolves when the process exits, with its exit code and output. */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** Starts `winnow --data DIR ARGS...` as its own process, the way a user runs it beside the window. */
export function startCli(dataDir: string, ...args: string[]): CliRun {
  const child = spawn(process.execPath, [join(repoRoot, 'src/main/cli/winnow.ts'), '--data', dataDir, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

export interface JobRow {
  id: number;
  kind: string;
  status: string;
  phase: string;
  done: number;
}

/** The jobs table as another process sees it; empty while the store does not exist yet. */
export function readJobs(dataDir: string): JobRow[] {
  try {
    const db = new BetterSqlite3(join(dataDir, 'winnow.sqlite'), { readonly: true, fileMustExist: true, timeout: 10_000 });
    try {
      return db.prepare('SELECT id, kind, status, phase, done FROM jobs ORDER BY id').all() as JobRow[];
    } finally {
      db.close();
    }
  } catch {
    return [];
  }
}

/** Polls until `test` holds for the jobs table (every 25 ms), or throws after `timeoutMs`. */
export async function waitForJobs(dataDir: string, test: (jobs: JobRow[]) => boolean, what: string, timeoutMs = 120_000): Promise<JobRow[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const jobs = readJobs(dataDir);
    if (test(jobs)) return jobs;
    if (Date.now() > until) throw new Error(`timed out waiting until ${what}; jobs: ${JSON.stringify(jobs)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
