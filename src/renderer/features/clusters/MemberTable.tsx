// Members of the selected cluster as a virtualized list fed by keyset pages: membership score, a
// borderline badge, prompt and response, source, and the "Similar" action. Imports: react,
// @tanstack/react-virtual, lib/format, cluster-format, the members, traces and ui stores.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactElement } from 'react';
import { basename, oneLine } from '../../lib/format.ts';
import { useClusterMembersStore } from './cluster-members-store.ts';
import { useTracesStore } from '../traces/traces-store.ts';
import { useUiStore } from '../../shell/ui-store.ts';
import { formatScore } from './cluster-format.ts';
import type { ClusterMember } from '../../../shared/contract/index.ts';

const ROW_HEIGHT = 58;
const PREFETCH_ROWS = 30;

export function MemberTable(): ReactElement {
  const items = useClusterMembersStore((s) => s.items);
  const total = useClusterMembersStore((s) => s.total);
  const loading = useClusterMembersStore((s) => s.loading);
  const error = useClusterMembersStore((s) => s.error);
  const hasMore = useClusterMembersStore((s) => s.nextCursor !== null);
  const loadMore = useClusterMembersStore((s) => s.loadMore);
  const scope = useClusterMembersStore((s) => s.scope);
  const borderlineFirst = useClusterMembersStore((s) => s.borderlineFirst);

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
  }, [scope, borderlineFirst]);

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
    >
      {state === 'ready' && items.length === 0 ? <div className="member-empty muted">No rows here.</div> : null}
      <div className="member-body" style={{ height: virtualizer.getTotalSize() }}>
        {virtualItems.map((v) => {
          const member = items[v.index];
          const style = { transform: `translateY(${v.start}px)`, height: ROW_HEIGHT };
          return member ? (
            <MemberRow key={member.rowId} member={member} style={style} />
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

function MemberRow({ member, style }: { member: ClusterMember; style: { transform: string; height: number } }): ReactElement {
  const similarOpen = useClusterMembersStore((s) => s.similar?.rowId === member.rowId);
  const showSimilar = useClusterMembersStore((s) => s.showSimilar);
  const outlier = member.clusterId === null;

  const openTrace = () => {
    useTracesStore.getState().select(member.traceId);
    useUiStore.getState().go('traces');
  };

  return (
    <div
      className={`member-row${member.borderline ? ' member-borderline' : ''}${similarOpen ? ' member-active' : ''}`}
      style={style}
      role="listitem"
      data-testid="member-row"
      data-row-id={member.rowId}
      data-borderline={member.borderline}
    >
      <div className="member-score">
        <span className="member-score-value" title={outlier ? 'Fit to the nearest cluster' : 'Membership: how well the row fits its cluster (0–1)'}>
          {formatScore(member.score)}
        </span>
        {member.borderline ? (
          <span className="badge badge-warning" title="Fits its cluster only loosely: worth a look before it goes into a dataset">
            borderline
          </span>
        ) : null}
      </div>
      <div className="member-text">
        <div className="member-prompt" title={member.prompt}>
          {oneLine(member.prompt, 300) || <span className="muted">(empty prompt)</span>}
        </div>
        <div className="member-response muted" title={member.response}>
          {oneLine(member.response, 300) || '—'}
        </div>
      </div>
      <div className="member-actions">
        <button type="button" className={`btn btn-sm${similarOpen ? ' btn-primary' : ''}`} onClick={() => showSimilar({ rowId: member.rowId, prompt: member.prompt })} aria-pressed={similarOpen} data-testid="similar-button">
          Similar
        </button>
        <button type="button" className="link-button small mono member-source" onClick={openTrace} title={`Open trace #${member.traceId} (${member.file}:${member.line})`}>
          {basename(member.file)}:{member.line}
        </button>
      </div>
    </div>
  );
}
