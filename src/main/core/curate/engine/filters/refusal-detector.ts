// Finds refusals in an answer by phrase: "I can't help with that", "I'm sorry, but I cannot", "As an AI
// language model". Looks at the opening, or the whole answer when it is short. Imports: nothing.

/** Refusals sit at the start; a long answer that says "sorry" or "I can't" later is usually still an answer. */
const OPENING_CHARS = 300;
/** Short answers are read whole: "That's illegal. I can't help you with that." refuses in its second sentence. */
const SHORT_CHARS = 500;

/**
 * Contractions are expanded before matching, so each pattern is written once ("i am not able to") instead of
 * in every spelling ("I'm not able to", "I am not able to", "Im not able to").
 */
const CONTRACTIONS: [RegExp, string][] = [
  [/\bcan't\b|\bcannot\b|\bcan not\b/g, 'cannot'],
  [/\bwon't\b/g, 'will not'],
  [/\bshan't\b/g, 'shall not'],
  [/\b(i|we|you|they|he|she|it|that|this|there|what) ?'(d)\b/g, '$1 would'],
  [/\bi ?'m\b|\bim\b/g, 'i am'],
  [/\b(we|you|they) ?'re\b/g, '$1 are'],
  [/\b(i|we|you|they|it|that|this) ?'ll\b/g, '$1 will'],
  [/\b(i|we|you|they) ?'ve\b/g, '$1 have'],
  [/\b(it|that|this|there|what|he|she) ?'s\b/g, '$1 is'],
  [/\b(do|does|did|is|are|was|were|would|could|should|have|has|had|must|need)n't\b/g, '$1 not'],
];

const I = String.raw`(?:i|we)`;
const BE = String.raw`(?:am|are)`;
const ADV = String.raw`(?:(?:really|just|simply|unfortunately|definitely|certainly|absolutely|afraid|sorry|actually|truly|still)[, ]+)?`;
const CANT = String.raw`(?:cannot|will not|shall not|(?:will|would) not be able to|${BE} (?:not (?:really )?able|unable) to)`;
/** What an assistant declines to do; "I can't say for sure" or "I can't believe" are not refusals. */
const DO = String.raw`(?:help|assist|aid|provide|answer|respond|speak to|comment on|comply|do (?:that|this|it|so|more|much|anything)|fulfil|fulfill|support|engage|give|share|write|create|generate|produce|draft|discuss|talk about|participate|continue|offer|make (?:a |any )?judge?ments?|recommend|endorse|condone|encourage|promote|facilitate|advise|disclose|reveal|look up|find (?:that|this|out)|locate|tell you (?:that|this|how|where|who)|go (?:there|into (?:that|this|detail))|be (?:of )?(?:any )?help)`;
const ABLE = String.raw`(?:able|allowed|permitted|authori[sz]ed|willing|prepared|programmed|designed|going|gonna|equipped|in a position)`;

/**
 * Each pattern with the words it needs: one of the entries, where "a+b" needs both. One scan finds which of
 * these words the answer has; most patterns are then skipped for most answers, which matters at 100k rows.
 */
const PATTERN_LIST: readonly [RegExp, readonly string[]][] = [
  // I can't help with that / I'm sorry, but I cannot assist / we won't be able to provide / I'm unable to tell you
  [new RegExp(String.raw`\b${I} ${ADV}${CANT} (?:really |actually |possibly |in good conscience )?${DO}\b`), ['cannot', 'unable', 'able', 'will+not', 'shall+not']],
  // I'm not able / allowed / willing / equipped to help
  [new RegExp(String.raw`\b${I} ${BE} ${ADV}not (?:really |just )?${ABLE} to (?:even )?${DO}`), ['able', 'allowed', 'permitted', 'authorized', 'authorised', 'willing', 'prepared', 'programmed', 'designed', 'going', 'gonna', 'equipped', 'position']],
  [new RegExp(String.raw`\b${I} ${BE} ${ADV}not (?:comfortable|okay|ok) (?:with (?:that|this|it)|[a-z]+ing)\b`), ['comfortable', 'okay', 'ok']],
  [new RegExp(String.raw`\bnot (?:something )?${I} ${BE} (?:able|allowed|prepared|willing|comfortable|going) to (?:answer|help|do|discuss|provide)`), ['able', 'allowed', 'prepared', 'willing', 'comfortable', 'going']],
  [new RegExp(String.raw`\b${I} ${BE} not capable of\b`), ['capable']],
  [new RegExp(String.raw`\b${I} ${BE} (?:really |just )?not (?:programmed|designed|built|trained|here) (?:for|to (?:help|assist|answer|do|discuss|provide|give))\b`), ['programmed', 'designed', 'built', 'trained', 'here+not']],
  // Not sure I can / should / want to: "I'd love to explain it but I'm not sure I can."
  [new RegExp(String.raw`\bi am not (?:really |entirely |quite )?sure (?:if |whether |that |how )?i (?:can|could|should|want to)(?: (?:do|help|answer|explain|discuss|assist|provide|give)(?: (?:that|this|it|you))?)?(?: (?:do that|for you|with (?:that|this)))?(?:[.!,;]|$)`), ['sure+not']],
  [/\b(?:i am not (?:really )?sure|i do not know) (?:if |whether |that )?i (?:can|should|could) (?:answer|help|discuss|respond)/, ['sure+not', 'know+not']],
  // Ending the conversation: "We might have to terminate this conversation now."
  [/\b(?:going to|have to|must|will|need to) (?:stop (?:answering|responding|this conversation)|(?:end|terminate) (?:this|our|the) (?:conversation|chat|discussion))/, ['stop', 'end', 'terminate']],
  [/\b(?:try|please) (?:asking |ask )?(?:me )?(?:a different|another|a new) (?:question|topic)/, ['question', 'topic']],
  // I must decline / I have to refuse / I'd rather not / I'm afraid not
  [new RegExp(String.raw`\b${I} (?:must|have to|need to|will have to|would have to) (?:respectfully |politely )?(?:decline|refuse|pass on)\b`), ['decline', 'refuse', 'pass']],
  [new RegExp(String.raw`\b${I} would (?:really |much )?rather not\b`), ['rather']],
  [/^(?:i am afraid|sorry,? but|sadly),? not\b/, ['afraid+not', 'sorry+not', 'sadly+not']],
  [new RegExp(String.raw`\b${I} (?:do not|would not) (?:want|feel comfortable|think it is appropriate|think it would be appropriate|think i should) (?:to )?(?:do|help|assist|answer|say|write|discuss|talk about|provide|share|go into|giving|providing|answering|helping|doing)? ?(?:that|this|it|with that|with this|you with)\b`), ['want+not', 'comfortable', 'appropriate', 'should+not']],
  [new RegExp(String.raw`\b${I} do not feel comfortable\b`), ['comfortable']],
  [/\bi do not think you want me to (?:answer|help|tell|do|say|give)/, ['want+think']],
  // That's not something I can help with / I don't think this is something I can help you with
  [new RegExp(String.raw`\b(?:that|this|it) is not (?:something|anything|a (?:question|request|topic)) (?:that )?${I} (?:can|could|will|am able to|should) (?:help|assist|answer|do|discuss|provide)`), ['something+not', 'anything+not', 'question+not', 'request+not', 'topic+not']],
  [new RegExp(String.raw`\bdo not think (?:that |this |it )?(?:is )?(?:something|anything) ${I} can help`), ['something+help', 'anything+help']],
  [new RegExp(String.raw`\bis not (?:the kind of|the sort of|the type of) [a-z ]{0,20}(?:${I} (?:can|could|will|am able)|you will find (?:here|on this))`), ['kind+not', 'sort+not', 'type+not']],
  // outside my scope / beyond what I can do / too difficult for me to help with
  [/\b(?:outside (?:of )?|beyond )(?:my|the) (?:scope|capabilities|abilities|remit|guidelines|expertise|area of expertise)\b/, ['outside', 'beyond']],
  [/\btoo [a-z]+ for me to (?:help|answer|assist|discuss)/, ['too+me']],
  [/\bi do not know how to (?:answer|respond to|help(?: you)? with) (?:this|that|your|it)\b/, ['know+how']],
  [/\bi do not (?:think|know|believe) (?:that )?i am the (?:best|right) (?:person|one|assistant|place|source)\b/, ['best+not', 'right+not']],
  [/\bi am (?:afraid |probably )?(?:not|no) (?:a |the )?(?:good|best|right) (?:person|one|place) to ask\b/, ['ask+person', 'ask+one', 'ask+place']],
  [/\bi do not (?:think |believe )?i have the (?:capability|ability|capacity) to\b/, ['capability', 'ability', 'capacity']],
  [/\bi do not have any answers? (?:for (?:this|that|you)|that (?:will|would|could) help)\b/, ['answer+any', 'answers+any']],
  [new RegExp(String.raw`\b${I} would not (?:tell you|help|answer|give you|share|provide|do that|do this|write that|write this)\b`), ['would+not']],
  [/^(?:[a-z]+[,.!]* ){0,2}i (?:have|need) to go now\b/, ['go+now']],
  [/\b(?:that|this|the) (?:information|data) is (?:protected|private|confidential)\b/, ['protected', 'private', 'confidential']],
  [/\bagainst my (?:guidelines|policy|policies|programming|principles|ethical guidelines|rules|values)\b/, ['against']],
  [/\b(?:none of my business|not my place to (?:say|answer|judge|comment))\b/, ['business', 'place']],
  [/\bit (?:would be|is) (?:inappropriate|unethical|irresponsible) (?:for me )?to (?:help|provide|answer|assist|write|give|share|discuss)/, ['inappropriate', 'unethical', 'irresponsible']],
  // The assistant boilerplate datasets are cleaned of, wherever it opens an answer.
  [/\bas an ai(?: language model| assistant| model|,)/, ['ai']],
  [/\bi am (?:just |only )?an? (?:ai|artificial intelligence|language model)(?: language model)?(?: and|,|\.) (?:i |so i |therefore i )?(?:cannot|do not|am not|am unable)\b/, ['ai', 'artificial', 'language']],
];

const PATTERNS = PATTERN_LIST.map(([re, needs]) => [re, needs.map((n) => n.split('+'))] as const);
/** All the words the patterns need, found in one scan of the answer. */
const NEED_WORDS = new RegExp(String.raw`\b(?:${[...new Set(PATTERNS.flatMap(([, needs]) => needs.flat()))].sort((a, b) => b.length - a.length).join('|')})\b`, 'g');

/** "I promise I won't share it" reassures; it does not refuse. */
const REASSURANCE = /\b(?:promise|guarantee|assure|swear|pledge)\b[^.!?]{0,20}$/;

/** A refusal verb followed by these is a hedge that goes on to answer: "I can't give you an exact figure, but ...". */
const HEDGE = /\b(?:exact|exactly|precise|precisely|definitive|for sure|for certain|with certainty|guarantee|promise|stress enough|emphasi[sz]e enough|from (?:this|that|the) (?:information|description|data|picture))\b/;

export interface RefusalMatch {
  /** The sentence that refuses, as written in the answer (trimmed to 100 characters). */
  sentence: string;
}

function normalise(text: string): string {
  let out = text.toLowerCase();
  if (/[\u2018\u2019\u02bc`´]/.test(out)) out = out.replace(/[\u2018\u2019\u02bc`´]/g, "'");
  // Most answers have no apostrophe: then only the two spellings without one need rewriting.
  if (out.includes("'")) {
    for (const [from, to] of CONTRACTIONS) out = out.replace(from, to);
  } else if (out.includes('can not') || out.includes('im ')) {
    out = out.replace(/\bcan not\b/g, 'cannot').replace(/\bim\b/g, 'i am');
  }
  return out;
}

const SENTENCE_END = /[.!?\n]/;

/** The index-th sentence (sentences end at . ! ? or a newline); normalising keeps those marks, so counts agree. */
function nthSentence(text: string, index: number): string {
  let n = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (!SENTENCE_END.test(text[i]!)) continue;
    if (n === index) return text.slice(start, i + 1);
    n++;
    start = i + 1;
  }
  return text.slice(start);
}

function sentencesBefore(text: string, index: number): number {
  let n = 0;
  for (let i = 0; i < index; i++) if (SENTENCE_END.test(text[i]!)) n++;
  return n;
}

/** The refusing sentence, or null when the answer does not refuse. */
export function detectRefusal(answer: string): RefusalMatch | null {
  const raw = answer.length <= SHORT_CHARS ? answer : answer.slice(0, OPENING_CHARS);
  // Patterns separate words by one space; collapse only when the window has something else between words.
  const window = /\s\s|[\t\n\r\f]/.test(raw) ? raw.replace(/\s+/g, ' ').trim() : raw.trim();
  if (!window) return null;
  const text = normalise(window);
  const present = new Set<string>();
  for (const m of text.matchAll(NEED_WORDS)) present.add(m[0]);
  if (!present.size) return null;
  const has = (w: string): boolean => present.has(w);
  for (const [pattern, needs] of PATTERNS) {
    if (!needs.some((all) => all.every(has))) continue;
    const m = pattern.exec(text);
    if (!m) continue;
    const rest = text.slice(m.index);
    const sentenceEnd = rest.search(SENTENCE_END);
    if (HEDGE.test(sentenceEnd < 0 ? rest : rest.slice(0, sentenceEnd))) continue;
    if (REASSURANCE.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
    const sentence = nthSentence(window, sentencesBefore(text, m.index)).trim();
    return { sentence: sentence.length > 100 ? `${sentence.slice(0, 97)}...` : sentence };
  }
  return null;
}
