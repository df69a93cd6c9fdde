// Owns: the shape of a per-record parse result and helpers to build failures.
// Imports: ingest types only.

import type { Diagnostic, DiagnosticCode, NormalizedTrace } from './types.ts';

export type RecordResult = { ok: true; trace: NormalizedTrace } | { ok: false; error: Diagnostic };

export function fail(code: DiagnosticCode, message: string): { ok: false; error: Diagnostic } {
  return { ok: false, error: { code, message } };
}

export function notice(code: DiagnosticCode, message: string): Diagnostic {
  return { code, message };
}
