// Scans JSON text for brackets left open and strings left unterminated, to tell "cut off" from "malformed".
// Imports: nothing.

export interface BracketScan {
  /** Brackets still open at the end, innermost last. */
  open: string;
  /** The text ends inside a string literal. */
  inString: boolean;
  /** Index where the outermost value closed, or -1 if it never did; text after it is not part of the value. */
  closedAt: number;
}

export function scanBrackets(text: string): BracketScan {
  const stack: string[] = [];
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') stack.push(c);
    else if (c === '}' || c === ']') {
      stack.pop();
      if (stack.length === 0) return { open: '', inString: false, closedAt: i };
    }
  }
  return { open: stack.join(''), inString, closedAt: -1 };
}

/** True when text that starts as JSON stops before its value is complete. */
export function isCutJson(text: string): boolean {
  const t = text.trim();
  if (!t.startsWith('{') && !t.startsWith('[')) return false;
  const scan = scanBrackets(t);
  return scan.closedAt < 0 && (scan.open.length > 0 || scan.inString);
}
