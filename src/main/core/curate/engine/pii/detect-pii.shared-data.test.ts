// Precision and recall of the PII detectors per type: on Presidio's labelled synthetic sentences (../shared/data,
// skipped when absent), and for secrets on seeded fake credentials plus look-alikes, with the Presidio texts
// and hh-rlhf conversations as text that holds no secrets.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedFile } from '../../../../../../tests/support/shared-data.ts';
import { secretLookAlikes, syntheticSecrets, type LabelledText } from '../../../../../../tests/support/synthetic-secrets.ts';
import { detectPii } from './detect-pii.ts';
import type { PiiType } from './pii-span.ts';
import { addToScores, precisionOf, recallOf, type TypeScore } from './score-spans.ts';

const PRESIDIO_TYPES: Record<string, PiiType> = {
  EMAIL_ADDRESS: 'EMAIL',
  PHONE_NUMBER: 'PHONE',
  CREDIT_CARD: 'CREDIT_CARD',
  IBAN_CODE: 'IBAN',
  US_SSN: 'US_SSN',
  IP_ADDRESS: 'IP_ADDRESS',
  STREET_ADDRESS: 'STREET_ADDRESS',
};
const SECRET_TYPES: PiiType[] = ['API_KEY', 'PRIVATE_KEY', 'JWT', 'SECRET'];

const presidioPath = sharedFile('presidio-pii/synth_dataset_v2.json');
const hhPath = sharedFile('hh-rlhf-harmless/harmless-base.test.openai_chat.jsonl');
const present = existsSync(presidioPath) && existsSync(hhPath);
if (!present) console.warn(`[skip] ${presidioPath} or ${hhPath} is absent: PII precision and recall are not measured`);

interface PresidioRow {
  full_text: string;
  spans: { entity_type: string; start_position: number; end_position: number }[];
}

function presidio(): LabelledText[] {
  const rows = JSON.parse(readFileSync(presidioPath, 'utf8')) as PresidioRow[];
  return rows.map((r) => ({
    text: r.full_text,
    spans: r.spans.filter((s) => PRESIDIO_TYPES[s.entity_type]).map((s) => ({ start: s.start_position, end: s.end_position, type: PRESIDIO_TYPES[s.entity_type]! })),
  }));
}

function hhTexts(): string[] {
  return readFileSync(hhPath, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .flatMap((l) => (JSON.parse(l) as { messages: { content: string }[] }).messages.map((m) => m.content));
}

function score(texts: LabelledText[], only: ReadonlySet<PiiType> | null): Map<PiiType, TypeScore> {
  const scores = new Map<PiiType, TypeScore>();
  for (const t of texts) {
    const found = detectPii(t.text).filter((s) => !only || only.has(s.type));
    addToScores(scores, t.spans, found);
  }
  return scores;
}

function table(title: string, scores: Map<PiiType, TypeScore>, types: PiiType[]): string {
  const lines = [title, '| type | labelled | found | precision | recall |', '|---|---|---|---|---|'];
  for (const t of types) {
    const s = scores.get(t) ?? { type: t, labelled: 0, recalled: 0, found: 0, correct: 0 };
    lines.push(`| ${t} | ${s.labelled} | ${s.found} | ${precisionOf(s).toFixed(3)} | ${recallOf(s).toFixed(3)} |`);
  }
  return lines.join('\n');
}

describe.skipIf(!present)('PII detectors on labelled data', () => {
  it('meet recall >= 0.95 at precision >= 0.9 for emails, cards and IBANs on Presidio sentences', () => {
    const scores = score(presidio(), new Set(Object.values(PRESIDIO_TYPES)));
    console.log(table('Presidio synth_dataset_v2 (1,500 sentences), spans matched by half-overlap', scores, Object.values(PRESIDIO_TYPES)));
    for (const t of ['EMAIL', 'CREDIT_CARD', 'IBAN'] as const) {
      expect(recallOf(scores.get(t)!), t).toBeGreaterThanOrEqual(0.95);
      expect(precisionOf(scores.get(t)!), t).toBeGreaterThanOrEqual(0.9);
    }
  });
  it('meet recall >= 0.95 at precision >= 0.9 for keys, with real text and look-alikes as negatives', () => {
    const positives = syntheticSecrets();
    const negatives: LabelledText[] = [...secretLookAlikes(), ...presidio().map((p) => p.text), ...hhTexts()].map((text) => ({ text, spans: [] }));
    const scores = score([...positives, ...negatives], new Set(SECRET_TYPES));
    console.log(
      table(
        `Secrets: ${positives.length} seeded fake credentials; negatives: ${negatives.length} texts (look-alikes, Presidio sentences, hh-rlhf messages)`,
        scores,
        SECRET_TYPES,
      ),
    );
    for (const t of ['API_KEY', 'PRIVATE_KEY', 'JWT'] as const) {
      expect(recallOf(scores.get(t)!), t).toBeGreaterThanOrEqual(0.95);
      expect(precisionOf(scores.get(t)!), t).toBeGreaterThanOrEqual(0.9);
    }
  });
});
