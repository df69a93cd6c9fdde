// Formatting of numbers, times, durations, costs and paths for display; pure functions only.
// Imports: nothing.

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : integer.format(n);
}

/** Local time as `YYYY-MM-DD HH:MM:SS`: sortable by eye and unambiguous across locales. */
export function formatTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  const d = new Date(ms);
  const p = (v: number) => String(v).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

export function formatRelative(ms: number, now = Date.now()): string {
  const s = Math.round((now - ms) / 1000);
  if (s < 5) return 'just now';
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86400) return `${Math.round(s / 3600)} h ago`;
  return formatTime(ms);
}

export function formatLatency(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

export function formatCost(cost: number | null | undefined): string {
  if (cost === null || cost === undefined) return '—';
  if (cost === 0) return '$0';
  // Per-call costs are often fractions of a cent: keep two significant digits there.
  return cost < 0.01 ? `$${cost.toPrecision(2)}` : `$${cost.toFixed(4)}`;
}

export function formatPercent(done: number, total: number | null): string {
  if (!total) return '';
  return `${Math.min(100, Math.floor((done / total) * 100))}%`;
}

export function basename(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i < 0 ? path : path.slice(i + 1);
}

/** Local calendar day `YYYY-MM-DD` (the value of an <input type="date">) for an epoch millisecond. */
export function toDateInput(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '';
  return formatTime(ms).slice(0, 10);
}

/** Start (or end, inclusive) of a local calendar day given as `YYYY-MM-DD`; undefined when empty or invalid. */
export function fromDateInput(value: string, edge: 'start' | 'end'): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  return edge === 'start' ? new Date(y, mo, d).getTime() : new Date(y, mo, d + 1).getTime() - 1;
}

/** One line of text from a possibly multi-line string, for table cells. */
export function oneLine(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
