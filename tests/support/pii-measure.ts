// Measures the PII detectors per type: on Presidio's labelled sentences, and for secrets on seeded fake
// credentials with look-alikes, Presidio sentences and hh-rlhf messages as negatives. Shared by the test that
// asserts the targets and by `npm run bench -- curate`. Imports: the engine's PII modules, ./shared-data.ts.
import { existsSync, readFileSync } from 'node:fs';
import { detectPii } from '../../src/main/core/curate/engine/pii/detect-pii.ts';
import type { PiiType } from '../../src/main/core/curate/engine/pii/pii-span.ts';
import { addToScores, precisionOf, recallOf, type TypeScore } from '../../src/main/core/curate/engine/pii/score-spans.ts';
import { sharedFile } from './shared-data.ts';
import { secretLookAlikes, syntheticSecrets, type LabelledText } from './synthetic-secrets.ts';

export const PRESIDIO_TYPES: Record<string, PiiType> = {
  EMAIL_ADDRESS: 'EMAIL',
  PHONE_NUMBER: 'PHONE',
  CREDIT_CARD: 'CREDIT_CARD',
  IBAN_CODE: 'IBAN',
  US_SSN: 'US_SSN',
  IP_ADDRESS: 'IP_ADDRESS',
  STREET_ADDRESS: 'STREET_ADDRESS',
};
export const SECRET_TYPES: PiiType[] = ['API_KEY', 'PRIVATE_KEY', 'JWT', 'SECRET'];

export const presidioPath = sharedFile('presidio-pii/synth_dataset_v2.json');
export const hhPath = sharedFile('hh-rlhf-harmless/harmless-base.test.openai_chat.jsonl');
export const piiDataPresent = existsSync(presidioPath) && existsSync(hhPath);

interface PresidioRow {
  full_text: string;
  spans: { entity_type: string; start_position: number; end_position: number }[];
}

export function presidioTexts(): LabelledText[] {
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

function score(texts: LabelledText[], only: ReadonlySet<PiiType>): Map<PiiType, TypeScore> {
  const scores = new Map<PiiType, TypeScore>();
  for (const t of texts) addToScores(scores, t.spans, detectPii(t.text).filter((s) => only.has(s.type)));
  return scores;
}

export interface PiiMeasurement {
  title: string;
  types: PiiType[];
  scores: Map<PiiType, TypeScore>;
}

export function measurePresidio(): PiiMeasurement {
  const texts = presidioTexts();
  const types = Object.values(PRESIDIO_TYPES);
  return { title: `Presidio synth_dataset_v2: ${texts.length} sentences, spans matched by half-overlap`, types, scores: score(texts, new Set(types)) };
}

export function measureSecrets(): PiiMeasurement {
  const positives = syntheticSecrets();
  const negatives: LabelledText[] = [...secretLookAlikes(), ...presidioTexts().map((p) => p.text), ...hhTexts()].map((text) => ({ text, spans: [] }));
  return {
    title: `Secrets: ${positives.length} seeded fake credentials; ${negatives.length} texts without secrets (look-alikes, Presidio sentences, hh-rlhf messages)`,
    types: SECRET_TYPES,
    scores: score([...positives, ...negatives], new Set(SECRET_TYPES)),
  };
}

export function piiTable(m: PiiMeasurement): string {
  const lines = [m.title, '', '| type | labelled | found | precision | recall |', '|---|---|---|---|---|'];
  for (const t of m.types) {
    const s = m.scores.get(t) ?? { type: t, labelled: 0, recalled: 0, found: 0, correct: 0 };
    lines.push(`| ${t} | ${s.labelled} | ${s.found} | ${precisionOf(s).toFixed(3)} | ${recallOf(s).toFixed(3)} |`);
  }
  return lines.join('\n');
}
