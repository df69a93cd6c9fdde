// Members of the selected cluster as a virtualized list fed by keyset pages: membership score with a misfit
// mark (borderline, outlier), the prompt as the run saw it over two lines, the response, the source file (opens
// the trace at this row's turn), the "Similar" action, and in a cluster a tick that picks the row for "Promote to
// dataset". Imports: react, @tanstack/react-virtual, lib/format, cluster-format, the members, clusters, traces,
// focus, ui and picks stores.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactElement } from 'react';
import { basename, oneLine } from '../../lib/format.ts';
import { useClusterMembersStore } from './cluster-members-store.ts';
import { useClustersStore } from './clusters-store.ts';
import { useTracesStore } from '../traces/traces-store.ts';
import { useTraceFocusStore } from '../traces/trace-focus-store.ts';
import { useUiStore } from '../../shell/ui-store.ts';
import { formatScore } from './cluster-format.ts';
import { usePicksStore } from '../datasets/picks-store.ts';
import type { ClusterMember } from '../../../shared/contract/index.ts';

const ROW_HEIGHT = 76;
const PREFETCH_ROWS = 30;

export function MemberTable(): ReactElement {
  const items = useClusterMembersStore((s) => s.items);
  const total = useClusterMembersStore((s) => s.total);
  const loading = useClusterMembersStore((s) => s.loading);
  const error = useClusterMembersStore((s) => s.error);
  const hasMore = useClusterMembersStore((s) => s.nextCursor !== null);
  const loadMore = useClusterMembersStore((s) => s.loadMore);
  const scope = useClusterMembersStore((s) => s.scope);
  const sort = useClusterMembersStore((s) => s.sort);
  const returnTo = useClusterMembersStore((s) => s.returnTo);
  // Only a cluster (not a group, not the outliers) can be promoted, so only its members can be picked.
  const pickIn = useClustersStore((s) => {
    const sel = s.selection;
    return sel?.kind === 'cluster' && s.clusters.find((c) => c.id === sel.id)?.level === 'cluster' ? sel.id : null;
  });

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length + (hasMore ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems[virtualItems.length - 1]?.index ?? 0;

  useEffect(() => {
    if (hasMore && !loading && lastIndex >= items.length - PREFETCH_ROWS) void loadMore();
  }, [hasMore, loading, lastIndex, items.length, loadMore]);
  // Another cluster, or another order, starts at the top.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [scope, sort]);
  // Back from a member's trace: that member in view again.
  const returnIndex = returnTo === null ? -1 : items.findIndex((m) => m.rowId === returnTo);
  useEffect(() => {
    if (returnIndex >= 0) virtualizer.scrollToIndex(returnIndex, { align: 'center' });
  }, [returnIndex, virtualizer]);

  const state = error ? 'error' : loading && items.length === 0 ? 'loading' : 'ready';
  return (
    <div
      className="member-table"
      ref={scrollRef}
      role="list"
      aria-label="Members"
      aria-rowcount={items.length}
      data-testid="member-table"
      data-members-state={state}
      data-total={total ?? ''}
      data-sort={sort}
    >
      {state === 'ready' && items.length === 0 ? <div className="member-empty muted">No rows here.</div> : null}
      <div className="member-body" style={{ height: virtualizer.getTotalSize() }}>
        {virtualItems.map((v) => {
          const member = items[v.index];
          const style = { transform: `translateY(${v.start}px)`, height: ROW_HEIGHT };
          return member ? (
            <MemberRow key={member.rowId} member={member} style={style} returned={member.rowId === returnTo} pickIn={pickIn} />
          ) : (
            <div key="loader" className="member-row member-loader muted" style={style}>
              Loading more…
            </div>
          );
        })}
      </div>
    </div>
  );
}

function MemberRow({ member, style, returned, pickIn }: { member: ClusterMember; style: { transform: string; height: number }; returned: boolean; pickIn: number | null }): ReactElement {
  const picked = usePicksStore((s) => pickIn !== null && s.members.clusterId === pickIn && s.members.rowIds.includes(member.rowId));
  const togglePick = usePicksStore((s) => s.toggleMember);
  const similarOpen = useClusterMembersStore((s) => s.similar?.rowId === member.rowId);
  const showSimilar = useClusterMembersStore((s) => s.showSimilar);
  const outlier = member.clusterId === null;
  const misfit = outlier ? 'outlier' : member.borderline ? 'borderline' : null;

  const openTrace = () => {
    const { run, selection, clusters } = useClustersStore.getState();
    const members = useClusterMembersStore.getState();
    const scope = members.scope;
    if (run && scope) {
      const name = selection?.kind === 'cluster' ? (clusters.find((c) => c.id === selection.id)?.name ?? 'Cluster') : 'Outliers';
      useTraceFocusStore.getState().setFocus({ traceId: member.traceId, rowId: member.rowId, runId: run.id, from: { runId: scope.runId, clusterId: scope.clusterId, name } });
    }
    members.setReturnTo(member.rowId);
    useTracesStore.getState().select(member.traceId);
    useUiStore.getState().go('traces');
  };

  return (
    <div
      className={`member-row${misfit ? ` member-${misfit}` : ''}${similarOpen ? ' member-active' : ''}${returned ? ' member-returned' : ''}${picked ? ' member-picked' : ''}`}
      style={style}
      role="listitem"
      data-testid="member-row"
      data-row-id={member.rowId}
      data-borderline={member.borderline}
      data-misfit={misfit ?? undefined}
    >
      <div className="member-score">
        <span className="member-score-line">
          {pickIn !== null ? (
            <input
              type="checkbox"
              className="member-pick"
              checked={picked}
              onChange={() => togglePick(pickIn, member.rowId)}
              aria-label={`Pick row #${member.rowId} to promote`}
              title="Pick for Promote to dataset"
              data-testid="member-pick"
            />
          ) : null}
          <span className="member-score-value" title={outlier ? 'Fit to the nearest cluster (this row is an outlier)' : 'Membership: how well the row fits its cluster (0–1)'}>
            {formatScore(member.score)}
          </span>
        </span>
        <span className="member-score-bar" aria-hidden="true">
          <span style={{ width: `${Math.round(Math.max(0, Math.min(1, member.score)) * 100)}%` }} />
        </span>
        {misfit === 'outlier' ? (
          <span className="badge badge-danger" title="Fits no cluster well enough to be counted in one">
            outlier
          </span>
        ) : misfit === 'borderline' ? (
          <span className="badge badge-warning" title="Fits its cluster only loosely: worth a look before it goes into a dataset">
            borderline
          </span>
        ) : null}
      </div>
      <div className="member-text">
        <div className="member-prompt" title={member.prompt}>
          {oneLine(member.prompt, 400) || <span className="muted">(empty prompt)</span>}
        </div>
        <div className="member-meta">
          <button type="button" className="link-button small mono member-source" onClick={openTrace} title={`Open trace #${member.traceId} at this row (${member.file}:${member.line})`} data-testid="member-source">
            {basename(member.file)}:{member.line}
          </button>
          <span className="member-response muted" title={member.response}>
            {oneLine(member.response, 300) || '—'}
          </span>
          <button type="button" className={`btn btn-sm${similarOpen ? ' btn-primary' : ''}`} onClick={() => showSimilar({ rowId: member.rowId, prompt: member.prompt })} aria-pressed={similarOpen} data-testid="similar-button">
            Similar
          </button>
        </div>
      </div>
    </div>
  );
}
