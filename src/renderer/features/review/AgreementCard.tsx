// Judge-human agreement on the reviewed rows: agreement rate, Cohen's kappa in words, the 2x2 table, and the
// threshold that would have agreed best, applied with one click. Imports: react, lib/format, review store/format.
import type { ReactElement } from 'react';
import { formatCount } from '../../lib/format.ts';
import { formatRate, kappaWords } from './review-format.ts';
import { useReviewStore } from './review-store.ts';

export function AgreementCard(): ReactElement | null {
  const agreement = useReviewStore((s) => s.agreement);
  const error = useReviewStore((s) => s.agreementError);
  const saving = useReviewStore((s) => s.saving);
  const applyThreshold = useReviewStore((s) => s.applyThreshold);

  if (!agreement) {
    return error ? (
      <section className="facts-section agreement-card">
        <h3 className="section-label">Judge vs. you</h3>
        <p className="small muted">{error}</p>
      </section>
    ) : null;
  }
  const { compared, threshold, confusion: c, best } = agreement;
  const better = best && Math.abs(best.threshold - threshold) >= 0.005 && (agreement.agreement === null || best.agreement > agreement.agreement);
  return (
    <section className="facts-section agreement-card" data-testid="agreement" data-compared={compared}>
      <h3 className="section-label">Judge vs. you</h3>
      {compared === 0 ? (
        <p className="small muted">Accept or reject judged rows to see how often the judge agrees with you.</p>
      ) : (
        <>
          <div className="agreement-figures">
            <div>
              <div className="agreement-value" data-testid="agreement-rate">
                {formatRate(agreement.agreement)}
              </div>
              <div className="small muted">agree on {formatCount(compared)}</div>
            </div>
            <div>
              <div className="agreement-value" data-testid="agreement-kappa">
                {agreement.kappa === null ? '—' : agreement.kappa.toFixed(2)}
              </div>
              <div className="small muted">κ · {kappaWords(agreement.kappa)}</div>
            </div>
          </div>
          <table className="confusion small" aria-label="Judge against human decisions">
            <thead>
              <tr>
                <th />
                <th>you accept</th>
                <th>you reject</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th>judge ≥ {threshold.toFixed(2)}</th>
                <td>{c.bothAccept}</td>
                <td>{c.judgeOnlyAccept}</td>
              </tr>
              <tr>
                <th>judge &lt; {threshold.toFixed(2)}</th>
                <td>{c.humanOnlyAccept}</td>
                <td>{c.bothReject}</td>
              </tr>
            </tbody>
          </table>
          {better && best ? (
            <div className="agreement-best">
              <span className="small">
                At <strong>{best.threshold.toFixed(2)}</strong> the judge would agree on {formatRate(best.agreement)}
                {best.kappa !== null ? ` (κ ${best.kappa.toFixed(2)})` : ''}.
              </span>
              <button type="button" className="btn btn-sm btn-primary" disabled={saving} onClick={() => void applyThreshold(best.threshold)} data-testid="apply-best-threshold">
                Use {best.threshold.toFixed(2)}
              </button>
            </div>
          ) : best ? (
            <p className="small muted">The current threshold agrees best.</p>
          ) : null}
        </>
      )}
    </section>
  );
}
