// Commands for importing trace files and inspecting what each file gave, rejected and flagged.
// Imports: zod only.
import { z } from 'zod';
import { Cursor, Id, PageLimit } from './common.ts';

export const RecordFormat = z.enum(['auto', 'openai-chat', 'langfuse', 'prompt-response', 'provider-body']);
export type RecordFormat = z.infer<typeof RecordFormat>;
export const MultiTurnMode = z.enum(['split', 'keep']);

export const ImportFileSummary = z.object({
  id: Id,
  path: z.string(),
  fileFormat: z.string(),
  status: z.enum(['importing', 'complete', 'failed', 'cancelled', 'interrupted']),
  traces: z.number(),
  rows: z.number(),
  duplicates: z.number(),
  blankLines: z.number(),
  rejected: z.number(),
  /** Notices on imported traces (a trace may carry several). */
  notices: z.number(),
  /** The same notices counted per code, e.g. { empty_response: 98 }. */
  noticeCodes: z.record(z.string(), z.number()),
  formats: z.record(z.string(), z.number()),
  error: z.string().nullable(),
  importedAt: z.number(),
});
export type ImportFileSummary = z.infer<typeof ImportFileSummary>;

export const RejectedLine = z.object({
  id: Id,
  fileId: Id,
  path: z.string(),
  line: z.number(),
  code: z.string(),
  message: z.string(),
  raw: z.string(),
  rawTruncated: z.boolean(),
});
export type RejectedLine = z.infer<typeof RejectedLine>;

/** What an import job is started with (and stored with, so a resumed import reads the same files the same way). */
export const ImportParams = z.object({
  paths: z.array(z.string().min(1)).min(1).max(100),
  format: RecordFormat.default('auto'),
  multiTurn: MultiTurnMode.default('split'),
});
export type ImportParams = z.infer<typeof ImportParams>;

/** A notice an imported line carried: it imported, but the user should know (empty answer, implausible value...). */
export const NoticeLine = z.object({
  id: Id,
  fileId: Id,
  path: z.string(),
  line: z.number(),
  code: z.string(),
  message: z.string(),
});
export type NoticeLine = z.infer<typeof NoticeLine>;

export const importCommands = {
  'imports.start': { input: ImportParams, output: z.object({ jobId: Id }) },
  'imports.files': { input: z.object({}).default({}), output: z.array(ImportFileSummary) },
  'imports.rejected': {
    input: z.object({ fileId: Id.optional(), cursor: Cursor.optional(), limit: PageLimit }),
    output: z.object({ total: z.number(), items: z.array(RejectedLine), nextCursor: Cursor.nullable() }),
  },
  /** Lines that imported with a notice: the first 1,000 per code and file are kept (noticeCodes counts them all). */
  'imports.notices': {
    input: z.object({ fileId: Id.optional(), code: z.string().max(100).optional(), cursor: Cursor.optional(), limit: PageLimit }),
    output: z.object({ total: z.number(), items: z.array(NoticeLine), nextCursor: Cursor.nullable() }),
  },
} as const;
