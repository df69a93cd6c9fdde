// `winnow generate` as a user runs it: real processes over a temp data folder, models from OPENAI_* / WINNOW_*
// variables served by the local fake server; the estimate in the JSON, and a kill -9 mid-run whose resume does
// not pay again for prompts answered before the kill.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeOpenAiServer, startFakeOpenAiServer } from '../../support/fake-openai-server.ts';
import { teacherModels } from '../../support/teacher-models.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { WINNOW_CLI as cli, winnowCli, type WinnowCli } from '../../support/winnow-cli.ts';

describe('winnow generate and relabel', { timeout: 300_000 }, () => {
  let dir: ReturnType<typeof makeTempDir>;
  let data: string;
  let server: FakeOpenAiServer;
  let env: NodeJS.ProcessEnv;
  let winnow: WinnowCli['winnow'];
  let json: WinnowCli['json'];

  beforeAll(async () => {
    dir = makeTempDir();
    data = join(dir.path, 'data');
    server = await startFakeOpenAiServer();
    server.chatReply = teacherModels({
      teachers: { 'teacher-a': (prompt, seed) => `${prompt}: answer ${seed ?? 'none'}`, 'teacher-b': (prompt) => `${prompt}: the better answer` },
      judge: (answer) => ({ overall: answer.endsWith('answer 1') || answer.endsWith('better answer') ? 0.8 : 0.6 }),
    });
    env = { ...process.env, OPENAI_BASE_URL: server.baseUrl, OPENAI_API_KEY: 'sk-cli-generate', WINNOW_LLM_MODEL: 'judge-m', WINNOW_LLM_PRICES: JSON.stringify({ 'teacher-a': { input: 10, output: 20 } }) };
    ({ winnow, json } = winnowCli(data, () => env));
  }, 60_000);
  afterAll(async () => {
    await server.close();
    dir.remove();
  });

  it('documents the command, prints the estimate in its JSON and refuses bad values', async () => {
    const help = (await winnow('--help')).stdout;
    for (const text of ['generate NAME --prompts FILE --teacher MODEL [-n 4] [--judge MODEL]', '--prompts-from D', 'relabel NAME --committee M1,M2,M3 [--arbiter MODEL]', '--target T']) expect(help).toContain(text);
    const file = join(dir.path, 'few.txt');
    writeFileSync(file, 'Say hello\nSay goodbye\n');
    const out = await json<{ estimate: { teacherCalls: number; usd: number }; generated: number; draftRows: number }>('generate', 'few', '--prompts', file, '--teacher', 'teacher-a', '-n', '2', '--judge', 'judge-m');
    expect(out.estimate.teacherCalls).toBe(4);
    expect(out).toMatchObject({ generated: 2, draftRows: 2 });
    expect((await winnow('generate', 'few', '--prompts', file, '--teacher', 'teacher-a', '-n', '17')).code).toBe(2);
    expect((await winnow('generate', 'few', '--teacher', 'teacher-a')).code).toBe(2);
  });

  it('relabels a draft with a committee and switches the training target', async () => {
    const file = join(dir.path, 'rows.jsonl');
    writeFileSync(file, [JSON.stringify({ prompt: 'Say yes', response: 'no' }), JSON.stringify({ prompt: 'Say maybe', response: 'perhaps' })].join('\n'));
    await json('import', file);
    await json('dataset', 'create', 'rl', '--kind', 'training', '--where', 'format=prompt-response');
    const out = await json<Record<string, unknown>>('relabel', 'rl', '--committee', 'teacher-a,teacher-b', '--arbiter', 'judge-m', '--target', 'winner');
    expect(out).toMatchObject({ dataset: 'rl', rows: 2, relabelled: 2, disagreements: 0, relabelledRows: 2, target: 'winner', estimate: { teacherCalls: 4 } });
    expect(await json('relabel', 'rl', '--target', 'original')).toMatchObject({ target: 'original', relabelledRows: 2 });
    expect((await winnow('relabel', 'rl', '--target', 'best')).code).toBe(2);
    // A dataset's prompts can feed generation too.
    const synth = await json<{ generated: number; draftRows: number }>('generate', 'rl-synth', '--prompts-from', 'rl', '--teacher', 'teacher-a', '-n', '1');
    expect(synth).toMatchObject({ generated: 2, draftRows: 2 });
  });

  it('survives kill -9: the resume does not call again for prompts answered before the kill', async () => {
    const file = join(dir.path, 'slow.txt');
    writeFileSync(file, Array.from({ length: 30 }, (_, i) => `Describe item ${i + 1}`).join('\n'));
    server.requests.length = 0;
    server.delayMs = 150;
    const child = spawn(process.execPath, [cli, '--data', data, 'generate', 'slow', '--prompts', file, '--teacher', 'teacher-a', '-n', '2', '--json'], { env, stdio: 'ignore' });
    try {
      const answered = () => server.requests.filter((r) => r.status === 200).length;
      const t0 = Date.now();
      // Each prompt takes two answers and two judgements: past 40 replies some prompts are written.
      while (answered() < 40 && Date.now() - t0 < 120_000) await new Promise((r) => setTimeout(r, 50));
      expect(answered()).toBeGreaterThanOrEqual(40);
    } finally {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
    expect(server.requests.length).toBeLessThan(120);
    const killed = (await json<{ id: number; kind: string; status: string }[]>('jobs')).find((j) => j.kind === 'generate' && j.status === 'interrupted');
    expect(killed).toBeDefined();
    server.delayMs = 0;
    const resumed = await json<{ status: string; result: { reused: number; generated: number; failed: number } }>('resume', String(killed!.id));
    expect(resumed.status).toBe('succeeded');
    expect(resumed.result.reused).toBeGreaterThan(0);
    expect(resumed.result.reused + resumed.result.generated).toBe(30);
    // Every teacher sample and judgement reached the server once over both processes; answers the killed process
    // received but had not written come back from the response cache. Only the calls in flight at the kill repeat.
    const asked = new Map<string, number>();
    for (const r of server.requests) {
      const key = JSON.stringify([r.body['model'], r.body['seed'], r.body['messages']]);
      asked.set(key, (asked.get(key) ?? 0) + 1);
    }
    expect(asked.size).toBe(30 * 4);
    expect([...asked.values()].filter((n) => n > 1).length).toBeLessThanOrEqual(4);
    expect(server.requests.length).toBeLessThanOrEqual(30 * 4 + 4);
  });
});
