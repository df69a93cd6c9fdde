// Owns: the content hash used to spot exact duplicate records.
// Imports: node:crypto.

import { createHash } from 'node:crypto';

/** SHA-256 of the record's raw text, as lowercase hex. */
export function contentHash(raw: string): string {
  return createHash('sha256').update(raw, 'utf8').digest('hex');
}
