// Tells whether an answer visibly stops early: mid-code-block, mid-JSON, or mid-sentence.
// Imports: ./json-brackets.ts.

import { isCutJson, scanBrackets } from './json-brackets.ts';

/** A prose answer shorter than this may end without punctuation ("Sounds good"); longer ones should not. */
const MIN_CHARS_FOR_SENTENCE_CHECK = 200;
const MIN_WORDS_IN_LAST_LINE = 8;

const FENCE = /^ {0,3}(```|~~~)/gm;
/** Closing punctuation, closing quotes and brackets, and Markdown emphasis or code marks. */
const TERMINAL = /[.!?…。！？)\]}"'”’»*_`~>|]$/u;
/** Emoji and other symbols end a line deliberately ("Have fun 🎉"). */
const SYMBOL_END = /[\p{Extended_Pictographic}\p{So}\p{Sk}\p{Sc}%°](?:\ufe0f|\u200d)*$/u;
/** A sentence does not end on a connector: "... mix the flour and". */
const DANGLING = /(?:[,;:\-–—(]|\b(?:and|or|but|the|a|an|of|because|your|my|their|our|its|whose|these|those)\b)$/;
/** A horizontal rule (---, ***, ===) ends a Markdown answer on purpose. */
const RULE_LINE = /^\s*([-*_=])\1{2,}\s*$/;
/** Lines that end without punctuation by design: list items, headings, table rows, quotes, code, sign-offs. */
const NON_PROSE_LINE = /^\s*(?:[-*+•]\s|\d+[.)]\s|#{1,6}\s|\||>|\s{4}|\t)/;
/** An equation or a formula is not a sentence: "x - y = 2z - 2z = 0". */
const FORMULA_LINE = /\s=\s|^[^\p{L}]*$/u;
const URL_OR_PATH_END = /(?:https?:\/\/|www\.)\S+$|\S+@\S+\.\S+$|\S*[/\\]\S*$/i;

export function detectTruncation(text: string): string | null {
  const fences = text.match(FENCE)?.length ?? 0;
  if (fences % 2 === 1) return 'response stops mid-code-block (unclosed ```)';

  const trimmed = text.trim();
  if (isCutJson(trimmed)) {
    const scan = scanBrackets(trimmed);
    return scan.inString
      ? 'response stops mid-JSON (inside a string)'
      : `response stops mid-JSON (${scan.open.length} unclosed bracket${scan.open.length > 1 ? 's' : ''})`;
  }
  if (!trimmed) return null;
  if (TERMINAL.test(trimmed) || SYMBOL_END.test(trimmed)) return null;

  const lastLine = trimmed.slice(trimmed.lastIndexOf('\n') + 1);
  if (RULE_LINE.test(lastLine)) return null;
  const words = lastLine.trim().split(/\s+/).length;
  // A trailing connector is a cut whatever the line is, as long as there is a sentence to cut.
  if (DANGLING.test(trimmed) && trimmed.split(/\s+/).length >= 5) {
    const tail = trimmed.slice(-24).replace(/^.*\s/, '');
    return `response stops mid-sentence (ends with "${tail}")`;
  }
  if (NON_PROSE_LINE.test(lastLine) || URL_OR_PATH_END.test(trimmed) || FORMULA_LINE.test(lastLine)) return null;
  if (trimmed.length >= MIN_CHARS_FOR_SENTENCE_CHECK && words >= MIN_WORDS_IN_LAST_LINE && /[\p{L}\p{N}]$/u.test(trimmed)) {
    const tail = trimmed.slice(-24).replace(/^\S*\s/, '');
    return `response stops mid-sentence (no closing punctuation after "${tail}")`;
  }
  return null;
}
