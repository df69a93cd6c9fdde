// Which text stands for a row when it is embedded and named: the last user turn, the whole prompt, or
// the prompt without system/developer messages. Imports: ingest types, previews.
import type { TextMode } from '../../../shared/contract/index.ts';
import type { ChatMessage } from '../ingest/types.ts';
import { lastUserText, messageText } from '../imports/previews.ts';

/** Long prompts are cut: the lexical embedder and c-TF-IDF gain nothing from the 20th page of a policy. */
const MAX_CHARS = 4000;

export function rowText(prompt: readonly ChatMessage[], mode: TextMode): string {
  if (mode === 'last-user') return lastUserText(prompt).slice(0, MAX_CHARS);
  const parts: string[] = [];
  for (const m of prompt) {
    if (mode === 'no-system' && (m.role === 'system' || m.role === 'developer')) continue;
    const text = messageText(m);
    if (text) parts.push(text);
  }
  return parts.join('\n').slice(0, MAX_CHARS);
}
