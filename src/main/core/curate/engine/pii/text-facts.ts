// One pass over a text that counts what the detectors need before they run: digits, '@', ':' and '=', and the
// longest run of token characters. A detector whose facts are missing skips the text without a regex scan.
// Imports: nothing.

export interface TextFacts {
  digits: number;
  at: boolean;
  colonOrEquals: boolean;
  /** Longest run of [A-Za-z0-9+/_=-]: keys, tokens and PEM lines are long runs; prose has none past ~20. */
  longestRun: number;
}

export function textFacts(text: string): TextFacts {
  let digits = 0;
  let at = false;
  let colonOrEquals = false;
  let run = 0;
  let longestRun = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits++;
      run++;
    } else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 47 || c === 95 || c === 45) run++;
    else {
      if (c === 61) colonOrEquals = true;
      else if (c === 58) colonOrEquals = true;
      else if (c === 64) at = true;
      if (run > longestRun) longestRun = run;
      // '=' pads base64, so it belongs to a run as well as marking an assignment.
      run = c === 61 ? run + 1 : 0;
    }
  }
  if (run > longestRun) longestRun = run;
  return { digits, at, colonOrEquals, longestRun };
}
