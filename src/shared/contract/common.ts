// Small schemas several domains share: ids, cursors, paging.
// Imports: zod only.
import { z } from 'zod';

export const Id = z.number().int().positive();
export type Id = z.infer<typeof Id>;

/** Keyset cursor: opaque to callers, produced by the previous page. */
export const Cursor = z.string().max(200);
export type Cursor = z.infer<typeof Cursor>;

export const PageLimit = z.number().int().min(1).max(1000).default(100);
