import { describe, expect, it } from 'vitest';
import { detectPii } from './detect-pii.ts';
import type { PiiType } from './pii-span.ts';

const found = (text: string): [PiiType, string][] => detectPii(text).map((s) => [s.type, s.value]);

describe('PII detectors', () => {
  it('finds emails, and not handles or file names', () => {
    expect(found('Write to jane.doe+work@mail.example.co.uk today.')).toEqual([['EMAIL', 'jane.doe+work@mail.example.co.uk']]);
    expect(found('Ping @jane or see logo@2x.png')).toEqual([]);
  });
  it('finds phone numbers, with or without a country code', () => {
    expect(found('Call (415) 555-2671 or +44 20 7946 0958.').map(([t]) => t)).toEqual(['PHONE', 'PHONE']);
    // NANP fictional numbers are redacted like real ones (see phone.ts).
    expect(found('Call 415-555-0132.')).toEqual([['PHONE', '415-555-0132']]);
    expect(found('Order 12345 shipped on 2024-05-15.')).toEqual([]);
  });
  it('finds Luhn-valid card numbers from card issuers only', () => {
    expect(found('Card: 4111 1111 1111 1111, exp 12/27')).toEqual([['CREDIT_CARD', '4111 1111 1111 1111']]);
    // Amex groups 4-6-5: still one card.
    expect(found('Amex 3782-822463-10005')).toEqual([['CREDIT_CARD', '3782-822463-10005']]);
  });
  it('rejects card-shaped numbers that fail Luhn or start like no issuer', () => {
    expect(found('Card: 4111 1111 1111 1112')).toEqual([]);
    expect(found('Tracking 9400111899223197428490')).toEqual([]);
    expect(found('Ref 7992739871300000')).toEqual([]);
  });
  it('finds IBANs by checksum, spaced or not, any case', () => {
    expect(found('Pay to GB82 WEST 1234 5698 7654 32 by Friday')).toEqual([['IBAN', 'GB82 WEST 1234 5698 7654 32']]);
    expect(found('iban de89370400440532013000.')).toEqual([['IBAN', 'de89370400440532013000']]);
    expect(found('Pay to GB82 WEST 1234 5698 7654 33 by Friday')).toEqual([]);
  });
  it('finds SSNs but not never-issued ones', () => {
    expect(found('SSN 536-22-8726')).toEqual([['US_SSN', '536-22-8726']]);
    expect(found('SSN 666-22-8726, 900-12-3456, 536-00-8726, 078-05-1120')).toEqual([]);
  });
  it('finds IPv4 and IPv6 addresses, not versions, times or loopback', () => {
    expect(found('from 203.0.113.7 and 2001:db8:85a3::8a2e:370:7334')).toEqual([
      ['IP_ADDRESS', '203.0.113.7'],
      ['IP_ADDRESS', '2001:db8:85a3::8a2e:370:7334'],
    ]);
    expect(found('v1.2.3.4, 1.2.3.4.5, 127.0.0.1, ::1, at 12:30:45, mask 255.255.255.0')).toEqual([]);
  });
  it('finds street addresses in US and European forms', () => {
    expect(found('Ship to 1600 Pennsylvania Avenue NW, Washington')).toEqual([['STREET_ADDRESS', '1600 Pennsylvania Avenue']]);
    expect(found('Wohnt in der Hauptstraße 5 in Berlin')).toEqual([['STREET_ADDRESS', 'Hauptstraße 5']]);
    expect(found('Chapter 12 Main Ideas')).toEqual([]);
  });
  it('finds provider keys, PEM keys and JWTs', () => {
    const keys = [
      'sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0f',
      'sk-ant-api03-Zx8yWv7uTs6rQp5oNm4lKj3iHg2fEd1cBa0ZyXwVu',
      'AKIAIOSFODNN7EXAMPLE',
      'ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8',
      'xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx',
      'AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q',
      'sk_live_51H8a9B7c6D5e4F3g2H1i0J',
    ];
    for (const k of keys) expect(found(`key = ${k}`).map(([t, v]) => [t, v])).toEqual([['API_KEY', k]]);
    const pem = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7Zq\n-----END RSA PRIVATE KEY-----';
    expect(found(`here: ${pem} done`)).toEqual([['PRIVATE_KEY', pem]]);
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
    expect(found(`token ${jwt}`)).toEqual([['JWT', jwt]]);
  });
  it('finds named secrets and random tokens, not placeholders, hashes or identifiers', () => {
    expect(found('password: hunter2hunter')).toEqual([['SECRET', 'hunter2hunter']]);
    expect(found('Authorization: Bearer 9fQ2mZ7xKc1LpT8sVb4N')).toEqual([['SECRET', '9fQ2mZ7xKc1LpT8sVb4N']]);
    expect(found('the token is q8Zr3Xv9Lm2Tk7Wp4Yc6Nb1Hd5Gf0Js')).toEqual([['SECRET', 'q8Zr3Xv9Lm2Tk7Wp4Yc6Nb1Hd5Gf0Js']]);
    expect(found('api_key = "<your key here>" and API_KEY=${OPENAI_API_KEY} and password: ********')).toEqual([]);
    expect(found('commit 3f786850e387550fdab836ed7e6dc881de23001b, id 550e8400-e29b-41d4-a716-446655440000')).toEqual([]);
    expect(found('see src/components/UserProfileSettingsPanel2.tsx and MyVeryLongClassNameFactory2')).toEqual([]);
    expect(found('tool call call_9guMCbt68iSVgtsx6WdKMA18 in run_RsJmiMTrgkBzb3FvyCvRoqpd')).toEqual([]);
  });
});
