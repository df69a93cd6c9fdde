// Keyset cursors: the last id of a page, encoded so callers treat it as opaque.
// Imports: router (for the error type).
import { CommandError } from './router.ts';

export const encodeCursor = (lastId: number): string => `id:${lastId}`;

export function decodeCursor(cursor: string | undefined): number | null {
  if (cursor === undefined) return null;
  const match = /^id:(\d+)$/.exec(cursor);
  if (!match) throw new CommandError('invalid_input', `"${cursor}" is not a cursor returned by a previous page`);
  return Number(match[1]);
}

export function page<T extends { id: number }>(items: T[], limit: number): { items: T[]; nextCursor: string | null } {
  const last = items[items.length - 1];
  return { items, nextCursor: items.length === limit && last ? encodeCursor(last.id) : null };
}
