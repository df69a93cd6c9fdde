// Writes a synthetic OpenAI-chat trace file for benchmarks: system prompts, multi-turn, tool calls, facets.
// Imports: node:fs only. Deterministic (seeded) so runs are comparable.
import { createWriteStream } from 'node:fs';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const TOPICS = ['refund for a double charge', 'reset my password', 'SQL for monthly revenue', 'summarise this ticket', 'translate to French', 'flight change to Tuesday'];
const ENVS = ['prod', 'staging', 'dev'];
const MODELS = ['gpt-4o', 'gpt-4o-mini', 'claude-3-5-sonnet', 'llama-3.1-8b'];

export async function writeOpenAiTraces(path: string, lines: number, seed = 7): Promise<void> {
  const random = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)]!;
  const out = createWriteStream(path);
  for (let i = 0; i < lines; i++) {
    const topic = pick(TOPICS);
    const messages: unknown[] = [{ role: 'system', content: `You are a helpful assistant for ${pick(['Acme', 'Globex', 'Initech'])}. Be concise.` }];
    const kind = random();
    if (kind < 0.2) {
      messages.push(
        { role: 'user', content: `What is the status of order ${i}?` },
        { role: 'assistant', content: null, tool_calls: [{ id: `call_${i}`, type: 'function', function: { name: 'get_order', arguments: JSON.stringify({ order_id: i }) } }] },
        { role: 'tool', tool_call_id: `call_${i}`, content: JSON.stringify({ status: 'shipped', eta: '2 days' }) },
        { role: 'assistant', content: `Order ${i} has shipped and should arrive in 2 days.` },
      );
    } else {
      const turns = kind < 0.5 ? 2 : 1;
      for (let t = 0; t < turns; t++) {
        messages.push({ role: 'user', content: `Request ${i}.${t}: please help with ${topic}. ${'Some context. '.repeat(1 + Math.floor(random() * 6))}` });
        messages.push({ role: 'assistant', content: `Here is help with ${topic} (${i}.${t}). ${'Detail. '.repeat(2 + Math.floor(random() * 10))}` });
      }
    }
    const record = {
      messages,
      ...(kind < 0.2 ? { tools: [{ type: 'function', function: { name: 'get_order', parameters: { type: 'object', properties: { order_id: { type: 'integer' } } } } }] } : {}),
      metadata: { environment: pick(ENVS), model: pick(MODELS), task: topic, timestamp: 1_700_000_000_000 + i * 1000, request_id: `req_${i}` },
    };
    if (!out.write(`${JSON.stringify(record)}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}
