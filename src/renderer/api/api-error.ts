// The error the api client throws when a command answers { ok: false }: a stable code plus a message to show.
// Imports: the shared contract only.
import type { AppError, ErrorCode } from '../../shared/contract/index.ts';

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly channel: string;

  constructor(channel: string, error: AppError) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.channel = channel;
  }
}

/** A message a person can act on, whatever was thrown. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return err.message;
  return String(err);
}

export function isApiError(err: unknown, code?: ErrorCode): err is ApiError {
  return err instanceof ApiError && (code === undefined || err.code === code);
}
