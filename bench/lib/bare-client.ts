// The plain baseline of LLM throughput benchmarks: the bare `openai` client making the same number of chat calls,
// `concurrency` at a time, with no limiter, cache, usage log or store. Imports: openai.
import OpenAI from 'openai';

/** Wall and CPU milliseconds of `n` calls; `content(i)` is call i's user message. */
export async function bareClientCalls(baseUrl: string, model: string, n: number, concurrency: number, content: (i: number) => string): Promise<{ wallMs: number; cpuMs: number }> {
  const client = new OpenAI({ baseURL: baseUrl, apiKey: 'sk-bench', maxRetries: 0 });
  let next = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < n; i = next++) await client.chat.completions.create({ model, messages: [{ role: 'user', content: content(i) }] });
    }),
  );
  const cpu = process.cpuUsage(c0);
  return { wallMs: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 };
}
