// The kinds of personal data and secrets the PII detectors find, and the span each finding is reported as.
// Imports: nothing.

export const PII_TYPES = [
  'EMAIL',
  'PHONE',
  'CREDIT_CARD',
  'IBAN',
  'US_SSN',
  'IP_ADDRESS',
  'STREET_ADDRESS',
  'API_KEY',
  'PRIVATE_KEY',
  'JWT',
  'SECRET',
] as const;
export type PiiType = (typeof PII_TYPES)[number];

export interface PiiSpan {
  /** UTF-16 offsets into the text, end exclusive. */
  start: number;
  end: number;
  type: PiiType;
  value: string;
  /** Which rule found it, for reviewers: "openai", "keyword password", "entropy 4.6 bits/char". */
  detail?: string;
}

export function span(text: string, start: number, end: number, type: PiiType, detail?: string): PiiSpan {
  return detail === undefined ? { start, end, type, value: text.slice(start, end) } : { start, end, type, value: text.slice(start, end), detail };
}
