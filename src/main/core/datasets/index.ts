// The datasets domain as the core and other domains see it: the module factory (datasets.* commands but
// export) and the read access to versions that export uses. Imports: this domain's modules, platform types.
import type { Database } from 'better-sqlite3';
import type { CoreModule } from '../platform/core-module.ts';
import { NO_CURATION, type CurationGate } from './curation-gate.ts';
import { datasetHandlers } from './dataset-handlers.ts';
import { DatasetRepository } from './dataset-repository.ts';
import { FillService } from './fill-service.ts';
import { SourceRepository } from './source-repository.ts';
import { draftAccess, type DraftAccess } from './draft-access.ts';
import { versionAccess, type VersionAccess } from './version-access.ts';

export type { VersionAccess, VersionHandle } from './version-access.ts';
export type { DraftAccess, DraftHandle, DraftRow } from './draft-access.ts';
export type { CurationGate } from './curation-gate.ts';
export type { DatasetRow, DatasetKind } from './engine/types.ts';
export { parseVersioned } from './dataset-lookup.ts';

export interface DatasetsModule extends CoreModule {
  versions: VersionAccess;
  drafts: DraftAccess;
}

/** `curation` answers which draft rows were dropped (the curate domain); without it every row stays. */
export function datasetsModule(deps: { db: Database; now: () => number; curation?: CurationGate }): DatasetsModule {
  const repo = new DatasetRepository(deps.db);
  const sources = new SourceRepository(deps.db);
  const fill = new FillService(repo, sources, deps.now);
  const gate = deps.curation ?? NO_CURATION;
  return {
    jobs: [],
    handlers: datasetHandlers(repo, sources, fill, deps.now, gate),
    versions: versionAccess(repo, gate),
    drafts: draftAccess(repo, fill, deps.now),
  };
}
