// Commands about the app itself: where data lives, version, and (window only) the file and folder pickers.
// Imports: zod only.
import { z } from 'zod';

export const appCommands = {
  'app.info': {
    input: z.object({}).default({}),
    output: z.object({ version: z.string(), dataDir: z.string(), traces: z.number(), rows: z.number() }),
  },
  /** Served by the window's shell (a native dialog); the headless core answers `unavailable`. */
  'app.pickFiles': {
    input: z.object({}).default({}),
    output: z.object({ paths: z.array(z.string()) }),
  },
  /** A folder chosen in a native dialog (null when cancelled); served by the window's shell like pickFiles. */
  'app.pickFolder': {
    input: z.object({ title: z.string().max(200).optional() }).default({}),
    output: z.object({ path: z.string().nullable() }),
  },
} as const;
