// Owns: the raw text shown for a record too large to keep: its first bytes and a marker saying how big it was.
// Imports: nothing.

export function truncatedRaw(head: Buffer, totalBytes: number): string {
  return `${head.toString('utf8')}…[truncated: record is ${totalBytes} bytes]`;
}
