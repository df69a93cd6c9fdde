// What a cluster is: figures, who named it, the LLM's description and include/exclude rules when present,
// keywords, a group's clusters, and representative prompts. Imports: react, cluster-format,
// cluster-tree, lib/format, palette, the clusters and members stores, shared contract types.
import { useEffect, useMemo, type ReactElement } from 'react';
import { formatCount, oneLine } from '../../lib/format.ts';
import { useClusterMembersStore } from './cluster-members-store.ts';
import { useClustersStore } from './clusters-store.ts';
import { formatScore, formatShare } from './cluster-format.ts';
import { clusterColor, type ColorScheme } from './palette.ts';
import type { ClusterInfo } from '../../../shared/contract/index.ts';

function namedByLabel(namedBy: string): string {
  if (namedBy === 'user') return 'named by you';
  if (namedBy === 'keywords' || namedBy === 'offline' || namedBy === '') return 'named from keywords';
  return `named by ${namedBy}`;
}

export function ClusterAbout({ info, scheme }: { info: ClusterInfo; scheme: ColorScheme }): ReactElement {
  const clusters = useClustersStore((s) => s.clusters);
  const children = useMemo(() => (info.level === 'group' ? clusters.filter((c) => c.parentId === info.id) : []), [clusters, info]);
  const select = useClustersStore((s) => s.select);
  const rememberPrompts = useClusterMembersStore((s) => s.rememberPrompts);
  useEffect(() => rememberPrompts(info.representatives), [info.representatives, rememberPrompts]);

  return (
    <>
      <dl className="cluster-figures">
        <div>
          <dt>Rows</dt>
          <dd data-testid="cluster-size">{formatCount(info.size)}</dd>
        </div>
        <div>
          <dt>Share</dt>
          <dd>{formatShare(info.share)}</dd>
        </div>
        <div>
          <dt>Mean fit</dt>
          <dd>{formatScore(info.meanScore)}</dd>
        </div>
        <div className={info.borderline > 0 ? 'figure-warning' : undefined}>
          <dt>Borderline</dt>
          <dd>{formatCount(info.borderline)}</dd>
        </div>
      </dl>
      <div className="small muted">
        {info.level === 'group' ? 'Group' : 'Cluster'} #{info.id} · {namedByLabel(info.namedBy)}
        {info.name !== info.keywordName ? <> · keywords say “{info.keywordName}”</> : null}
      </div>

      {info.description ? (
        <section className="detail-section">
          <h3 className="section-label">Description</h3>
          <p data-testid="cluster-description">{info.description}</p>
          {info.includeRule || info.excludeRule ? (
            <dl className="rules">
              {info.includeRule ? (
                <div className="rule rule-include">
                  <dt>Includes</dt>
                  <dd>{info.includeRule}</dd>
                </div>
              ) : null}
              {info.excludeRule ? (
                <div className="rule rule-exclude">
                  <dt>Excludes</dt>
                  <dd>{info.excludeRule}</dd>
                </div>
              ) : null}
            </dl>
          ) : null}
        </section>
      ) : null}

      {info.keywords.length > 0 ? (
        <section className="detail-section">
          <h3 className="section-label">Keywords</h3>
          <ul className="chips" data-testid="cluster-keywords">
            {info.keywords.map((k) => (
              <li key={k} className="chip">
                {k}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {children.length > 0 ? (
        <section className="detail-section">
          <h3 className="section-label">Clusters in this group</h3>
          <ul className="child-list">
            {children.map((c) => (
              <li key={c.id}>
                <button type="button" className="link-button child-link" onClick={() => select({ kind: 'cluster', id: c.id })}>
                  <span className="swatch" style={{ background: clusterColor(c.id, scheme) }} aria-hidden="true" />
                  <span className="child-name">{c.name}</span>
                  <span className="muted small">{formatCount(c.size)}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {info.representatives.length > 0 ? (
        <section className="detail-section">
          <h3 className="section-label">Representative prompts</h3>
          <ul className="representatives" data-testid="representatives">
            {info.representatives.slice(0, 5).map((r) => (
              <li key={r.rowId} className="representative" title={r.text.length > 1000 ? `${r.text.slice(0, 1000)}…` : r.text}>
                {oneLine(r.text, 240)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
