// Finds IPv4 and IPv6 addresses, leaving out the ones that identify no one: unspecified, loopback, broadcast and
// netmasks (0.0.0.0, 127.x, ::1, 255.x). Private ranges count: they still map a network. Imports: ./pii-span.ts.

import { span, type PiiSpan } from './pii-span.ts';

const OCTET = String.raw`(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)`;
// Not part of a longer dotted number (a version such as 1.2.3.4.5) and not after "v" (v1.2.3.4).
const IPV4 = new RegExp(String.raw`(?<![\d.]|\bv|\bV)${OCTET}(?:\.${OCTET}){3}(?![\d]|\.\d)`, 'g');
const IPV6_CANDIDATE = /(?<![0-9A-Fa-f:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{0,4}|(?:\d{1,3}\.){3}\d{1,3})(?![0-9A-Fa-f:])/g;

/** Quick tests without lookbehinds, so most texts never run the full patterns. */
const IPV4_GATE = /\d\.\d{1,3}\.\d{1,3}\.\d/;

/** A hex digit, a colon, and another colon within five characters: what every IPv6 address has. */
function mayHoldIpv6(text: string): boolean {
  for (let i = text.indexOf(':'); i > 0; i = text.indexOf(':', i + 1)) {
    if (!/[0-9A-Fa-f:]/.test(text[i - 1]!)) continue;
    const next = text.indexOf(':', i + 1);
    if (next > 0 && next - i <= 5) return true;
  }
  return false;
}

function notIdentifying4(ip: string): boolean {
  return ip === '0.0.0.0' || ip.startsWith('127.') || ip.startsWith('255.');
}

/** Eight groups, or fewer around one "::"; an IPv4 tail counts as two groups. */
export function isIpv6(s: string): boolean {
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups = (part: string): string[] | null => (part === '' ? [] : part.split(':'));
  const all: string[] = [];
  for (const h of halves) {
    const g = groups(h);
    if (!g) return false;
    all.push(...g);
  }
  let count = 0;
  for (let i = 0; i < all.length; i++) {
    const g = all[i]!;
    if (i === all.length - 1 && g.includes('.')) {
      if (!new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`).test(g)) return false;
      count += 2;
    } else if (/^[0-9A-Fa-f]{1,4}$/.test(g)) count++;
    else return false;
  }
  return halves.length === 2 ? count < 8 : count === 8;
}

export function findIpAddresses(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  if (IPV4_GATE.test(text)) {
    for (const m of text.matchAll(IPV4)) if (!notIdentifying4(m[0])) out.push(span(text, m.index, m.index + m[0].length, 'IP_ADDRESS'));
  }
  if (mayHoldIpv6(text)) {
    for (const m of text.matchAll(IPV6_CANDIDATE)) {
      const s = m[0];
      // "::" alone, "::1" and times like "12:30:45" are not addresses; a real one has a digit and four hex digits.
      if (s === '::1' || !isIpv6(s) || !/\d/.test(s) || s.replace(/[^0-9A-Fa-f]/g, '').length < 4) continue;
      out.push(span(text, m.index, m.index + s.length, 'IP_ADDRESS'));
    }
  }
  return out;
}
