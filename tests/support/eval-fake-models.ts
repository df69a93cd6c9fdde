// Deterministic models for evaluation tests and the benchmark, configured on the fake OpenAI-compatible server:
// each model name answers a row ("question number N") its own way; one fails (400), one is slow, one writes
// malformed JSON, one rate-limits (429 with retry-after) on its first call. Imports: the fake server's types.
import type { ChatRequestBody, FakeOpenAiServer } from './fake-openai-server.ts';

export const SLOW_MS = 120;

/** The row number a prompt carries. */
export function rowNumber(body: ChatRequestBody): number {
  const user = [...body.messages].reverse().find((m) => m.role === 'user');
  const text = typeof user?.content === 'string' ? user.content : JSON.stringify(user?.content ?? '');
  return Number(/question number (\d+)/.exec(text)?.[1] ?? 0);
}

/** What each model answers to row n (null: the model fails with an HTTP error instead). */
export function modelAnswer(model: string, n: number): string | null {
  switch (model) {
    case 'exact-model':
    case 'slow-model':
    case 'limited-model':
      return `Answer ${n}`;
    case 'half-model':
      return n % 2 === 0 ? `Answer ${n}` : 'I do not know';
    case 'json-model':
      return `{ "answer" : ${n} }`;
    case 'garbled-model':
      return `{"answer": ${n}`;
    case 'broken-model':
      return null;
    default:
      return `Answer ${n}`;
  }
}

/** The judge model's reply: score 1 when the model answer equals the expected answer, else 0.2. */
function judgeReply(body: ChatRequestBody): string {
  const user = String(body.messages.find((m) => m.role === 'user')?.content ?? '');
  const expected = /Expected answer:\n([\s\S]*?)\n\nModel answer:/.exec(user)?.[1];
  const answer = /Model answer:\n([\s\S]*)$/.exec(user)?.[1];
  const same = expected !== undefined && expected === answer;
  return JSON.stringify({ score: same ? 1 : 0.2, rationale: same ? 'Matches the expected answer.' : 'Differs from the expected answer.' });
}

/** Configures `server` so every model above behaves as described (and `judge-model` grades answers); returns the number of 429s served so far. */
export function useEvalModels(server: FakeOpenAiServer): { rateLimited: () => number } {
  let limited = 0;
  server.chatReply = (body) => {
    if (body.model === 'judge-model') return judgeReply(body);
    const answer = modelAnswer(body.model, rowNumber(body));
    if (answer === null) throw Object.assign(new Error(`the model ${body.model} does not exist`), { status: 400 });
    if (body.model === 'limited-model' && limited === 0) {
      limited++;
      throw Object.assign(new Error('rate limited'), { status: 429, retryAfter: 1 });
    }
    return answer;
  };
  server.delayFor = (req) => ((req.body as { model?: string }).model === 'slow-model' ? SLOW_MS : 0);
  return { rateLimited: () => limited };
}
