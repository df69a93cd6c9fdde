// Prepares argv for node:util parseArgs: a negative number after an option that takes a value is that
// option's value (`--granularity -0.5`), not an unknown short option. Imports: nothing.

const NEGATIVE_NUMBER = /^-(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** `--name -1.5` becomes `--name=-1.5` for every option in `takesValue`; everything else passes through. */
export function joinNegativeValues(argv: readonly string[], takesValue: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    if (arg.startsWith('--') && !arg.includes('=') && takesValue.has(arg.slice(2)) && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}
