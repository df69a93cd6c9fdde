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
import { findUsSsns } from './us-ssn.ts';

/**
 * When findings overlap, the one from the more specific rule wins: a provider key beats the entropy rule that
 * also fires on it, a checksummed card or IBAN beats the phone matcher reading its digits, and so on.
 */
const DETECTORS: readonly [(text: string) => PiiSpan[], readonly PiiType[]][] = [
  [findProviderKeys, ['API_KEY', 'PRIVATE_KEY', 'JWT']],
  [findNamedSecrets, ['SECRET']],
  [findEmails, ['EMAIL']],
  [findIbans, ['IBAN']],
  [findCreditCards, ['CREDIT_CARD']],
  [findUsSsns, ['US_SSN']],
  [findIpAddresses, ['IP_ADDRESS']],
  [findPhones, ['PHONE']],
  [findStreetAddresses, ['STREET_ADDRESS']],
  [findHighEntropyTokens, ['SECRET']],
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
  for (const [detect, produces] of DETECTORS) {
    if (types && !produces.some((t) => types.has(t))) continue;
    for (const s of detect(text)) if (!types || types.has(s.type)) ranked.push(s);
  }
  return ranked.length > 1 ? resolveOverlaps(ranked) : ranked;
}
