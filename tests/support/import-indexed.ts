// Imports files through the core and waits for the search index job the import starts.
import { expect } from 'vitest';
import type { Core } from '../../src/main/core/create-core.ts';

export async function importIndexed(core: Core, paths: string[]): Promise<void> {
  const { jobId } = await core.invoke('imports.start', { paths });
  expect((await core.jobs.waitFor(jobId)).status).toBe('succeeded');
  const state = await core.invoke('traces.searchIndex', {});
  if (state.jobId !== null) expect((await core.jobs.waitFor(state.jobId)).status).toBe('succeeded');
}
