// Rebuilds a stored trace's parsed form: from its normalized JSON when kept, else by re-parsing its raw text.
// Imports: ingest.
import { parseRecordText } from './parse/index.ts';
import type { NormalizedTrace, TraceFormat } from './parse/types.ts';

export function storedTrace(raw: string, format: string, normalized: string | null): NormalizedTrace {
  if (normalized !== null) return JSON.parse(normalized) as NormalizedTrace;
  const result = parseRecordText(raw, format as TraceFormat);
  // The same parser accepted this text at import, so a failure here means the parser changed since.
  if (!result.ok) throw new Error(`stored trace no longer parses as ${format}: ${result.error.message}`);
  return result.trace;
}
