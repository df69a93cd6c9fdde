// The result envelope every command returns across IPC, and the error codes a user can act on.
// Imports: zod only.
import { z } from 'zod';

export const ErrorCode = z.enum([
  'invalid_input',
  'unknown_channel',
  'not_found',
  'conflict',
  'cancelled',
  // A newer request of the same kind replaced this one before it was answered (facet counts): nothing to show.
  'superseded',
  'io_error',
  'unavailable',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const AppError = z.object({ code: ErrorCode, message: z.string() });
export type AppError = z.infer<typeof AppError>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };
