// Owns: deciding how to read a file (JSONL, JSON array or value sequence, CSV, Parquet) from its extension and first bytes.
// Imports: ingest types, node:fs/promises, node:path.

import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import type { FileFormat } from './types.ts';
import type { ScanMode } from './json-scanner.ts';

export interface Container {
  fileFormat: FileFormat;
  /** For JSON: one array, or whitespace-separated top-level values (a pretty-printed object). */
  jsonMode: ScanMode;
  /** Bytes to skip at the start (a UTF-8 BOM). */
  bodyStart: number;
}

const PEEK_BYTES = 64 * 1024;

export async function detectContainer(path: string, forced: FileFormat | undefined): Promise<Container> {
  const head = await peek(path);
  const bodyStart = head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  const first = firstNonSpace(head, bodyStart);
  const jsonMode: ScanMode = first === 0x5b ? 'array' : 'sequence';
  if (forced) return { fileFormat: forced, jsonMode, bodyStart };
  switch (extname(path).toLowerCase()) {
    case '.jsonl':
    case '.ndjson':
      return { fileFormat: 'jsonl', jsonMode, bodyStart };
    case '.csv':
    case '.tsv':
      return { fileFormat: 'csv', jsonMode, bodyStart };
    case '.parquet':
      return { fileFormat: 'parquet', jsonMode, bodyStart };
    case '.json':
      // Not an array: JSON Lines saved as .json, unless the first line is not a whole record (pretty-printed).
      if (first === 0x5b) return { fileFormat: 'json', jsonMode: 'array', bodyStart };
      return firstLineIsRecord(head, bodyStart) ? { fileFormat: 'jsonl', jsonMode, bodyStart } : { fileFormat: 'json', jsonMode: 'sequence', bodyStart };
  }
  // No telling extension: sniff.
  if (head.length >= 4 && head.toString('latin1', 0, 4) === 'PAR1') return { fileFormat: 'parquet', jsonMode, bodyStart };
  if (first === 0x5b) return { fileFormat: 'json', jsonMode: 'array', bodyStart };
  if (first === 0x7b) return firstLineIsRecord(head, bodyStart) ? { fileFormat: 'jsonl', jsonMode, bodyStart } : { fileFormat: 'json', jsonMode: 'sequence', bodyStart };
  return { fileFormat: 'csv', jsonMode, bodyStart };
}

async function peek(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(PEEK_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, PEEK_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function firstNonSpace(bytes: Buffer, from: number): number {
  for (let i = from; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b !== 32 && b !== 9 && b !== 10 && b !== 13) return b;
  }
  return -1;
}

/** True when the first non-blank line ends with a closing brace, i.e. holds a whole object. */
function firstLineIsRecord(head: Buffer, from: number): boolean {
  let i = from;
  while (i < head.length && (head[i] === 32 || head[i] === 9 || head[i] === 10 || head[i] === 13)) i++;
  const nl = head.indexOf(10, i);
  if (nl === -1) return true; // one line, or a first line longer than the peek: read line by line
  let end = nl - 1;
  while (end > i && (head[end] === 13 || head[end] === 32 || head[end] === 9)) end--;
  return head[end] === 0x7d;
}
