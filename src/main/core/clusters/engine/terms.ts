// Readable terms of a text for naming: lower-cased words and word pairs, stop words filtered.
// Imports: nothing.

/** Common English function words and chat filler: never a name on their own. */
const STOP = new Set(
  `a about above after again against all am an and any are aren't as at be because been before being below between both but by
can can't cannot could couldn't did didn't do does doesn't doing don't down during each few for from further had hadn't has hasn't
have haven't having he he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if in into is
isn't it it's its itself let's me more most mustn't my myself no nor not of off on once only or other ought our ours ourselves out
over own same shan't she she'd she'll she's should shouldn't so some such than that that's the their theirs them themselves then
there there's these they they'd they'll they're they've this those through to too under until up very was wasn't we we'd we'll
we're we've were weren't what what's when when's where where's which while who who's whom why why's with won't would wouldn't
you you'd you'll you're you've your yours yourself yourselves also just get got will shall may might must im ive dont cant
please thanks thank hi hello hey ok okay yes yeah want need like know tell one would able use using`.split(/\s+/),
);

/** Particles that carry meaning after a verb ("top up", "log in", "pay back"): allowed as a pair's second word. */
const PARTICLES = new Set(['up', 'out', 'off', 'in', 'on', 'back', 'down', 'over', 'away', 'through']);

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

export function isStopWord(w: string): boolean {
  return STOP.has(w);
}

/** Distinct terms of a text: non-stop words (2+ chars, not all digits) and adjacent pairs that read as a phrase. */
export function termsOf(text: string, maxChars = 2000): Set<string> {
  const t = (text.length > maxChars ? text.slice(0, maxChars) : text).toLowerCase().replace(/’/g, "'");
  const words = t.match(WORD) ?? [];
  const out = new Set<string>();
  let prev: string | null = null;
  for (const w of words) {
    const junk = w.length < 2 || /^\d+$/.test(w);
    const stop = STOP.has(w);
    if (!junk && !stop) out.add(w);
    if (prev !== null && !junk && (!stop || PARTICLES.has(w))) out.add(`${prev} ${w}`);
    prev = junk || stop ? null : w;
  }
  return out;
}
