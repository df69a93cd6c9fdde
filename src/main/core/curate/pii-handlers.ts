// The pii.* commands over a draft: count spans by type, and redact them with consistent placeholders (the
// traces keep the originals); and the counter export uses to re-scan what it writes.
// Imports: contract types, datasets index, this domain's repository, row conversion and engine.
import type { PiiCounts, PiiType } from '../../../shared/contract/index.ts';
import type { DatasetRow, DraftAccess } from '../datasets/index.ts';
import { CommandError, type Handlers } from '../platform/rpc/router.ts';
import type { CurateRepository } from './curate-repository.ts';
import { curateRowOf, withRedaction } from './curate-row-of.ts';
import { findRowPii, PiiCache, redactRow } from './engine/index.ts';

/** Counts PII spans row by row; one cache per counter, since traces repeat long system prompts. */
export class PiiCounter {
  private readonly types: ReadonlySet<PiiType> | undefined;
  private readonly cache = new PiiCache();
  readonly counts: PiiCounts = { rows: 0, rowsWithPii: 0, spans: 0, byType: {} };

  constructor(types?: readonly PiiType[]) {
    this.types = types ? new Set(types) : undefined;
  }

  add(row: DatasetRow): number {
    const spans = findRowPii(curateRowOf(row, undefined), this.types, this.cache);
    this.counts.rows++;
    if (spans.length > 0) this.counts.rowsWithPii++;
    this.counts.spans += spans.length;
    for (const s of spans) this.counts.byType[s.type] = (this.counts.byType[s.type] ?? 0) + 1;
    return spans.length;
  }
}

export function piiHandlers(deps: { drafts: DraftAccess; repo: CurateRepository }): Pick<Handlers, 'pii.scan' | 'pii.redact'> {
  const { drafts, repo } = deps;
  return {
    'pii.scan': ({ dataset, types }) => {
      const found = drafts.find(dataset);
      if (!found.draft) throw new CommandError('conflict', `"${found.dataset}" has no draft to scan: add rows first`);
      const counter = new PiiCounter(types);
      for (const page of drafts.pages(found.draft)) for (const row of page) counter.add(row);
      return counter.counts;
    },
    'pii.redact': ({ dataset, types }) => {
      const draft = drafts.ensure(dataset);
      const wanted = types ? new Set(types) : undefined;
      const counts: PiiCounts = { rows: 0, rowsWithPii: 0, spans: 0, byType: {} };
      let rowsChanged = 0;
      // One transaction: a redaction is all or nothing, never half the draft.
      drafts.write(() => {
        for (const page of drafts.pages(draft)) {
          const changed: DatasetRow[] = [];
          for (const row of page) {
            counts.rows++;
            const r = redactRow(curateRowOf(row, undefined), wanted);
            if (r.spans.length === 0) continue;
            counts.rowsWithPii++;
            counts.spans += r.spans.length;
            for (const s of r.spans) counts.byType[s.type] = (counts.byType[s.type] ?? 0) + 1;
            changed.push(withRedaction(row, r.row));
            repo.setPiiSpans(draft.datasetId, Number(row.rowId), 0);
          }
          drafts.replace(draft, changed);
          rowsChanged += changed.length;
        }
        // The PII filter's verdicts described the text before redaction.
        if (rowsChanged > 0) repo.markStale(draft.datasetId);
      });
      return { ...counts, rowsChanged };
    },
  };
}
