// Runs every PII and secret detector over one text and keeps one finding per stretch of text.
// Imports: the detectors in this folder.

import { findCreditCards } from './credit-card.ts';
import { findEmails } from './email.ts';
import { findHighEntropyTokens, findNamedSecrets } from './generic-secrets.ts';
import { findIbans } from './iban.ts';
import { findIpAddresses } from './ip-address.ts';
import type { PiiSpan, PiiType } from './pii-span.ts';
import { findPhones } from './phone.ts';
import { findProviderKeys } from './provider-keys.ts';
import { findStreetAddresses } from './street-address.ts';
import { textFacts, type TextFacts } from './text-facts.ts';
import { findUsSsns } from './us-ssn.ts';

/**
 * When findings overlap, the one from the more specific rule wins: a provider key beats the entropy rule that
 * also fires on it, a checksummed card or IBAN beats the phone matcher reading its digits, and so on.
 */
const DETECTORS: readonly [(text: string) => PiiSpan[], readonly PiiType[], (f: TextFacts) => boolean][] = [
  [findProviderKeys, ['API_KEY', 'PRIVATE_KEY', 'JWT'], (f) => f.longestRun >= 16],
  [findNamedSecrets, ['SECRET'], (f) => f.colonOrEquals || f.longestRun >= 16],
  [findEmails, ['EMAIL'], (f) => f.at],
  [findIbans, ['IBAN'], (f) => f.digits >= 8],
  [findCreditCards, ['CREDIT_CARD'], (f) => f.digits >= 12],
  [findUsSsns, ['US_SSN'], (f) => f.digits >= 9],
  [findIpAddresses, ['IP_ADDRESS'], (f) => f.digits >= 4],
  [findPhones, ['PHONE'], (f) => f.digits >= 7],
  [findStreetAddresses, ['STREET_ADDRESS'], (f) => f.digits >= 1],
  [findHighEntropyTokens, ['SECRET'], (f) => f.longestRun >= 24],
];

/** Keeps, in priority order, each finding that overlaps none already kept; returns them by position. */
function resolveOverlaps(ranked: PiiSpan[]): PiiSpan[] {
  const kept: PiiSpan[] = [];
  for (const s of ranked) {
    if (!kept.some((k) => s.start < k.end && k.start < s.end)) kept.push(s);
  }
  return kept.sort((a, b) => a.start - b.start);
}

export function detectPii(text: string, types?: ReadonlySet<PiiType>): PiiSpan[] {
  if (!text) return [];
  const ranked: PiiSpan[] = [];
  // Each detector needs something the facts can rule out in one pass: digits, an '@', a long token.
  const facts = textFacts(text);
  for (const [detect, produces, worthRunning] of DETECTORS) {
    if (!worthRunning(facts) || (types && !produces.some((t) => types.has(t)))) continue;
    for (const s of detect(text)) if (!types || types.has(s.type)) ranked.push(s);
  }
  return ranked.length > 1 ? resolveOverlaps(ranked) : ranked;
}
