// The review.* commands: the queue (borderline rows, or any stage), decisions saved as they are made in one
// transaction each (accept/reject, an edited response and labels in the draft row, a reviewer's note), undo of
// any decision or bulk action, bulk accept/reject of a stage, and judge-human agreement.
// Imports: node:crypto, contract types, rpc errors, datasets index, this domain's repository, views and engine.
import { randomUUID } from 'node:crypto';
import type { DatasetRow, DraftAccess } from '../datasets/index.ts';
import { CommandError, type Handlers } from '../platform/rpc/router.ts';
import { mustCurated, pageOf, viewOf } from './curate-handlers.ts';
import type { CurateRepository, ReviewRecord } from './curate-repository.ts';
import { runJudge, stageParams } from './curate-views.ts';
import { agreementAt, bestThreshold } from './engine/index.ts';

type ReviewChannel = 'review.queue' | 'review.decide' | 'review.undo' | 'review.bulk' | 'review.agreement';

/** What one row was before an action: its review (null = none) and, when the action rewrote it, its content. */
interface UndoEntry {
  rowKey: number;
  review: Omit<ReviewRecord, 'row_key'> | null;
  content: string | null;
}

const DEFAULT_THRESHOLD = 0.5;

export function reviewHandlers(deps: { drafts: DraftAccess; repo: CurateRepository; now: () => number }): Pick<Handlers, ReviewChannel> {
  const { drafts, repo } = deps;
  const previous = (datasetId: number, rowKey: number): UndoEntry['review'] => {
    const r = repo.review(datasetId, rowKey);
    return r ? { decision: r.decision, note: r.note, edited: r.edited, decided_at: r.decided_at } : null;
  };
  return {
    'review.queue': ({ dataset, stage, pendingOnly, cursor, limit }) => {
      const at = mustCurated(drafts, repo, dataset);
      const page = pageOf(drafts, repo, at, stage, pendingOnly, cursor, limit);
      const p = stageParams(repo.run(at.datasetId));
      const all = pendingOnly ? repo.count(at.scope, stage, false, p) : page.total;
      const pending = pendingOnly ? page.total : repo.count(at.scope, stage, true, p);
      return { ...page, pending, reviewed: all - pending };
    },
    'review.decide': (input) => {
      const at = mustCurated(drafts, repo, input.dataset);
      viewOf(drafts, repo, at, input.rowKey);
      const token = randomUUID();
      repo.write(() => {
        const before = previous(at.datasetId, input.rowKey);
        const rewrites = input.response !== undefined || input.labels !== undefined;
        const entry: UndoEntry = { rowKey: input.rowKey, review: before, content: rewrites ? drafts.content(at.draft, input.rowKey) : null };
        if (rewrites) {
          const row = drafts.byKeys(at.draft, [input.rowKey]).get(input.rowKey)!.row;
          const next: DatasetRow = { ...row };
          if (input.response !== undefined) next.response = input.response as DatasetRow['response'];
          if (input.labels !== undefined) next.labels = [...new Set(input.labels)].sort();
          drafts.replace(at.draft, [next]);
        }
        repo.setReview(at.datasetId, input.rowKey, {
          decision: input.decision === undefined ? (before?.decision ?? null) : input.decision,
          note: input.note === undefined ? (before?.note ?? null) : input.note,
          edited: before?.edited === 1 || input.response !== undefined ? 1 : 0,
          decided_at: deps.now(),
        });
        repo.insertUndo(at.datasetId, token, [entry], deps.now());
      });
      return { row: viewOf(drafts, repo, at, input.rowKey), undoToken: token };
    },
    'review.undo': ({ dataset, undoToken }) => {
      const at = mustCurated(drafts, repo, dataset);
      const entries = repo.write(() => {
        const found = repo.takeUndo(at.datasetId, undoToken);
        if (!found) throw new CommandError('not_found', `no review action of "${at.dataset}" has the undo token ${undoToken}`);
        if (found.used) throw new CommandError('conflict', 'that action was already undone');
        const list = found.entries as UndoEntry[];
        for (const e of list) {
          repo.setReview(at.datasetId, e.rowKey, e.review);
          if (e.content !== null) drafts.restore(at.draft, e.rowKey, e.content);
        }
        return list;
      });
      return { rows: entries.length, row: entries.length === 1 ? viewOf(drafts, repo, at, entries[0]!.rowKey) : null };
    },
    'review.bulk': ({ dataset, stage, decision, pendingOnly, note }) => {
      const at = mustCurated(drafts, repo, dataset);
      const token = randomUUID();
      const changed = repo.write(() => {
        const keys = repo.keys(at.scope, stage, pendingOnly, stageParams(repo.run(at.datasetId)));
        const entries: UndoEntry[] = [];
        const now = deps.now();
        for (const rowKey of keys) {
          const before = previous(at.datasetId, rowKey);
          entries.push({ rowKey, review: before, content: null });
          repo.setReview(at.datasetId, rowKey, { decision, note: note ?? before?.note ?? null, edited: before?.edited ?? 0, decided_at: now });
        }
        repo.insertUndo(at.datasetId, token, entries, now);
        return keys.length;
      });
      return { changed, undoToken: token };
    },
    'review.agreement': ({ dataset, threshold }) => {
      const at = mustCurated(drafts, repo, dataset);
      const t = threshold ?? runJudge(repo.run(at.datasetId))?.threshold ?? DEFAULT_THRESHOLD;
      const pairs = repo.compared(at.scope).map((r) => ({ score: r.score, accepted: r.decision === 'accept' }));
      const figures = agreementAt(pairs, t);
      return { ...figures, threshold: t, best: bestThreshold(pairs, t) };
    },
  };
}
