// Precision and recall of the PII detectors per type, on Presidio's labelled sentences (../shared/data, skipped
// when absent) and on seeded fake credentials with real text as negatives (tests/support/pii-measure.ts).
import { describe, expect, it } from 'vitest';
import { measurePresidio, measureSecrets, piiDataPresent, piiTable } from '../../../../../../tests/support/pii-measure.ts';
import { precisionOf, recallOf } from './score-spans.ts';

if (!piiDataPresent) console.warn('[skip] presidio-pii or hh-rlhf-harmless is absent from ../shared/data: PII precision and recall are not measured');

describe.skipIf(!piiDataPresent)('PII detectors on labelled data', () => {
  it('meet recall >= 0.95 at precision >= 0.9 for emails, cards and IBANs on Presidio sentences', () => {
    const m = measurePresidio();
    console.log(piiTable(m));
    for (const t of ['EMAIL', 'CREDIT_CARD', 'IBAN'] as const) {
      expect(recallOf(m.scores.get(t)!), t).toBeGreaterThanOrEqual(0.95);
      expect(precisionOf(m.scores.get(t)!), t).toBeGreaterThanOrEqual(0.9);
    }
  });
  it('meet recall >= 0.95 at precision >= 0.9 for keys, with real text and look-alikes as negatives', () => {
    const m = measureSecrets();
    console.log(piiTable(m));
    for (const t of ['API_KEY', 'PRIVATE_KEY', 'JWT'] as const) {
      expect(recallOf(m.scores.get(t)!), t).toBeGreaterThanOrEqual(0.95);
      expect(precisionOf(m.scores.get(t)!), t).toBeGreaterThanOrEqual(0.9);
    }
  });
});
