// Deterministic teacher, committee and judge models for the fake OpenAI server: each model name answers by its own
// rule, the judge scores an answer by a table the test gives, and a model marked broken answers 500 (the client
// retries, then the call fails). Plug in with `server.chatReply = teacherModels(...)`. Imports: the fake server's types.
import type { ChatRequestBody } from './fake-openai-server.ts';

export interface JudgeScore {
  overall: number;
  helpfulness?: number;
}

export interface TeacherModels {
  /** Model name → its answer to a prompt (the last user message) and sample seed (undefined when none was sent). */
  teachers: Record<string, (prompt: string, seed: number | undefined) => string>;
  /** Models that fail every call with a server error. */
  broken?: readonly string[];
  /** The judge's score of an answer; every other model name is treated as a teacher. */
  judge: (answer: string, prompt: string) => JudgeScore;
}

/** The judge's user message ends with the response it judges; the conversation is above it. */
const RESPONSE_MARK = 'Assistant response to judge:\n';

function isJudgeCall(body: ChatRequestBody): boolean {
  return body.messages[0]?.role === 'system' && body.messages[0].content.startsWith('You judge examples');
}

export function teacherModels(script: TeacherModels): (body: ChatRequestBody) => string {
  return (body) => {
    if (script.broken?.includes(body.model)) throw new Error(`${body.model} is down`);
    const user = body.messages.filter((m) => m.role === 'user');
    if (isJudgeCall(body)) {
      const text = user[0]?.content ?? '';
      const at = text.lastIndexOf(RESPONSE_MARK);
      const answer = at < 0 ? '' : text.slice(at + RESPONSE_MARK.length);
      const prompt = /\[user\]\n([^\n]*)/.exec(text)?.[1] ?? '';
      const s = script.judge(answer, prompt);
      const h = s.helpfulness ?? s.overall;
      return JSON.stringify({ helpfulness: h, relevance: s.overall, format: 1, overall: s.overall, rationale: `Scored ${s.overall}.` });
    }
    const teacher = script.teachers[body.model];
    if (!teacher) throw new Error(`no teacher script for ${body.model}`);
    const seed = (body as unknown as { seed?: number }).seed;
    return teacher(user[user.length - 1]?.content ?? '', seed);
  };
}
