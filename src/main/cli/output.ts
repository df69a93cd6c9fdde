// How the CLI prints: JSON with --json, readable lines otherwise, both streamed with backpressure so memory
// stays flat however much is printed; trace text is made inert for the terminal. Imports: node:process only.

// C0 and C1 controls (ESC starts terminal sequences that can retitle or rewrite the screen) and bidi
// overrides (which reorder what is shown); newline and tab are escaped too, since each line is one record.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function printable(text: string): string {
  return text.replace(UNSAFE, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\t') return '\\t';
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Writes and waits while stdout's buffer is full, so a slow reader (a pipe, a terminal) bounds memory. */
export function write(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = process.stdout.write(text, (error) => (error ? reject(error) : undefined));
    if (ok) resolve();
    else process.stdout.once('drain', resolve);
  });
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printLines(lines: string[]): void {
  process.stdout.write(`${lines.map(printable).join('\n')}\n`);
}

export class UsageError extends Error {}
