// `too_long`: drops rows whose prompt and response together exceed a token limit.
// Imports: ../curate-row.ts, ../filter-verdict.ts, ./row-tokens.ts.

import type { CurateRow } from '../curate-row.ts';
import { dropVerdict, type RowVerdictOrNull } from '../filter-verdict.ts';
import { tokensAbove } from './row-tokens.ts';

export interface TooLongOptions {
  maxTokens: number;
}

export function checkTooLong(row: CurateRow, options: TooLongOptions): RowVerdictOrNull {
  const tokens = tokensAbove(row, options.maxTokens);
  if (tokens === null) return null;
  return dropVerdict('too_long', `prompt + response is ${tokens.toLocaleString('en-US')} tokens (limit ${options.maxTokens.toLocaleString('en-US')}, o200k_base)`);
}
