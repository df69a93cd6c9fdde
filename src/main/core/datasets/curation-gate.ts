// What freezing and exporting a draft ask of curation: which rows it dropped (they stay out of the frozen
// version and of draft exports) and what the recipe records of it. The curate domain answers; datasets only
// declares the question, so it never imports curate. Imports: nothing.

export interface CurationGate {
  /** Row keys of the dataset's draft (version `versionId`) that curation dropped; empty when never curated. */
  droppedKeys(datasetId: number, versionId: number): Set<number>;
  /** Filters and judge settings of the last run and its counts, for the recipe; null when never curated. */
  recipe(datasetId: number): { filters: unknown[]; judge: unknown; review: unknown; curation: Record<string, unknown> } | null;
}

/** Nothing curated: every row stays. */
export const NO_CURATION: CurationGate = { droppedKeys: () => new Set(), recipe: () => null };
