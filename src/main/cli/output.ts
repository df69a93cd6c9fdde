// How the CLI prints: one JSON document with --json, readable lines otherwise; errors to stderr.
// Imports: node:process only.

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printLines(lines: string[]): void {
  process.stdout.write(`${lines.join('\n')}\n`);
}

export class UsageError extends Error {}
