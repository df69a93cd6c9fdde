// Plain-text and Markdown tables for benchmark output. Imports: nothing.

export type Cell = string | number;

function fmt(c: Cell): string {
  return typeof c === 'number' ? (Number.isInteger(c) ? String(c) : c.toFixed(3)) : c;
}

/** Aligned columns for the terminal. */
export function textTable(header: string[], rows: Cell[][]): string {
  const all = [header, ...rows.map((r) => r.map(fmt))];
  const widths = header.map((_, j) => Math.max(...all.map((r) => (r[j] ?? '').length)));
  return all.map((r) => r.map((c, j) => (c ?? '').padEnd(widths[j]!)).join('  ').trimEnd()).join('\n');
}

export function markdownTable(header: string[], rows: Cell[][]): string {
  const line = (r: string[]): string => `| ${r.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map((r) => line(r.map(fmt)))].join('\n');
}
