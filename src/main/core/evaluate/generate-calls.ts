// One teacher answer and its judgement, shared by generation and relabelling: the teacher's call (a sample seed
// makes the N samples of a prompt distinct requests, each cached), then the judge's score of that answer with the
// judge's own rubric, through the shared client. A failed call is an answer with an error, never a guess.
// Imports: the llm and curate domains' index, the engine's message shape, this folder's spend.
import { JudgeReply, judgeMessages, MAX_REPLY_TOKENS } from '../curate/index.ts';
import { structured, type ChatCaller } from '../llm/index.ts';
import type { AnswerRecord } from './generate-repository.ts';
import type { PromptMessage } from './engine/generate-prompts.ts';
import type { Spend } from './generate-spend.ts';

export interface AnswerTask {
  messages: PromptMessage[];
  slot: number;
  /** The seed sent (samples of one prompt differ by it); undefined for a committee seat. */
  seed?: number;
  temperature: number;
  maxTokens: number;
}

export interface Judging {
  client: ChatCaller;
  rubric: string;
  taskDescription: string;
}

export interface ScoredAnswerRecord extends AnswerRecord {
  helpfulness: number | null;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Asks the teacher, then the judge. Aborts propagate; every other failure is recorded on the answer. */
export async function answerAndJudge(teacher: { client: ChatCaller; model: string }, judge: Judging, task: AnswerTask, spend: Spend, signal: AbortSignal): Promise<ScoredAnswerRecord> {
  const base = { slot: task.slot, model: teacher.model, chosen: 0, overall: null, judge_json: null, helpfulness: null };
  let text: string;
  try {
    const r = await teacher.client.chat({ messages: task.messages, temperature: task.temperature, maxTokens: task.maxTokens, ...(task.seed !== undefined ? { seed: task.seed } : {}) }, signal);
    spend.add([r]);
    text = r.text;
  } catch (e) {
    signal.throwIfAborted();
    return { ...base, text: null, error: `the teacher ${teacher.model} failed: ${message(e)}` };
  }
  if (!text.trim()) return { ...base, text, error: 'the teacher returned an empty answer' };
  try {
    const messages = judgeMessages(judge.rubric, judge.taskDescription, null, { messages: task.messages, response: { content: text } });
    const s = await structured(judge.client, JudgeReply, messages, { signal, maxTokens: MAX_REPLY_TOKENS, temperature: 0 });
    spend.add(s.calls);
    if (!s.ok) return { ...base, text, error: `the judgement was malformed twice: ${s.error}` };
    return { ...base, text, error: null, overall: s.value.overall, helpfulness: s.value.helpfulness, judge_json: JSON.stringify(s.value) };
  } catch (e) {
    signal.throwIfAborted();
    return { ...base, text, error: `the judge call failed: ${message(e)}` };
  }
}
