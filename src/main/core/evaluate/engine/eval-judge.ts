// Owns: the LLM-judge metric's prompt (answer vs expected output and rubric) and how its reply becomes a verdict.
// Imports: zod (the reply's shape). Pure: the call itself goes through the llm client in the service.
import { z } from 'zod';
import type { Verdict } from './eval-metrics.ts';

export const DEFAULT_EVAL_RUBRIC = 'The answer is correct and as complete as the expected answer; wording may differ.';

/** What the judge must reply; anything else gets the client's one corrective retry, then the row is failed. */
export const EvalJudgeReply = z.object({
  score: z.number().min(0).max(1),
  rationale: z.string().trim().min(1).max(1000),
});
export type EvalJudgeReply = z.infer<typeof EvalJudgeReply>;

export const JUDGE_MAX_TOKENS = 300;

/** Messages asking the judge to grade `answer` against `expected` under `rubric`. */
export function evalJudgeMessages(rubric: string, prompt: string, expected: string, answer: string): { role: 'system' | 'user'; content: string }[] {
  return [
    {
      role: 'system',
      content:
        'You grade a model answer for an evaluation. Rubric: ' +
        rubric +
        '\nReply with only a JSON object {"score": number from 0 to 1, "rationale": one sentence}.',
    },
    { role: 'user', content: `Prompt:\n${prompt}\n\nExpected answer:\n${expected}\n\nModel answer:\n${answer}` },
  ];
}

export function judgeVerdict(reply: EvalJudgeReply, passMark: number): Verdict {
  const pass = reply.score >= passMark;
  return { pass, score: reply.score, detail: pass ? null : reply.rationale };
}
