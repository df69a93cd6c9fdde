// Owns: the tokens of a run's calls before they are made, counted with gpt-tokenizer (o200k_base) over the messages
// as they will be sent, as the judge's and generation's estimates count. Imports: gpt-tokenizer, this engine's modules.
import { countTokens } from 'gpt-tokenizer';
import { evalJudgeMessages } from './eval-judge.ts';
import { answerOfMessage, displayText, type Answer } from './eval-output.ts';
import type { RowMessage } from './eval-request.ts';
import { AS_TEXT, promptTokensSum, sampledTokenSum, type TextMessage } from './generate-estimate.ts';

export interface TokenItem {
  /** The prompt as the judge is shown it. */
  prompt: string;
  messages: readonly RowMessage[];
  tools: readonly unknown[] | null;
  expected: Answer;
}

/** What the model reads of a message: its text and its tool calls' names and arguments. */
function messageText(m: RowMessage): TextMessage {
  const a = answerOfMessage(m);
  return { content: [a.text, ...a.toolCalls.flatMap((c) => [c.name, c.arguments])].join('\n') };
}

/** The request's messages, with the tool definitions (as their JSON) counted like one more message. */
function sent(item: TokenItem): TextMessage[] {
  const messages = item.messages.map(messageText);
  return item.tools?.length ? [...messages, { content: JSON.stringify(item.tools) }] : messages;
}

/**
 * Input tokens of one call per item and the expected output tokens (the length of what each row expects); `exact`
 * is false when a sample of a large version was counted and scaled by characters.
 */
export function evalTokens(items: readonly TokenItem[]): { input: number; output: number; exact: boolean } {
  const input = promptTokensSum(items.map(sent));
  const output = sampledTokenSum(items.map((i) => displayText(i.expected)), (t) => countTokens(t, AS_TEXT), (t) => t.length);
  return { input: input.tokens, output: output.tokens, exact: input.exact && output.exact };
}

/** A judge reply of the usual length: the estimate's figure for each judgement's output. */
const TYPICAL_JUDGE_REPLY = '{"score": 0.8, "rationale": "The answer gives the expected result, in different words and slightly less complete."}';
export const TYPICAL_JUDGE_REPLY_TOKENS = countTokens(TYPICAL_JUDGE_REPLY);

/**
 * Tokens of judging one answer per item under each rubric (the metric's and every rubric evaluator's), the judge's
 * messages counted as sent with the answer taken as long as the expected one.
 */
export function judgeTokens(items: readonly TokenItem[], rubrics: readonly string[]): { input: number; output: number; exact: boolean } {
  let input = 0;
  let exact = true;
  for (const rubric of rubrics) {
    const messages = items.map((i) => {
      const expected = displayText(i.expected);
      return evalJudgeMessages(rubric, i.prompt, expected, expected);
    });
    const sum = promptTokensSum(messages);
    input += sum.tokens;
    exact &&= sum.exact;
  }
  return { input, output: rubrics.length * items.length * TYPICAL_JUDGE_REPLY_TOKENS, exact };
}
