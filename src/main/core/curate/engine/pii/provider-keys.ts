// Finds credentials by the formats providers give them: OpenAI, Anthropic, AWS, GitHub, GitLab, Slack, Google,
// Stripe, Hugging Face; plus PEM private keys and JSON Web Tokens. Imports: ./pii-span.ts.

import { span, type PiiSpan, type PiiType } from './pii-span.ts';

interface KeyRule {
  provider: string;
  type: PiiType;
  /** Literal text every match contains: a cheap `includes` rules out most texts before the pattern runs. */
  marks: readonly string[];
  re: RegExp;
}

const END = String.raw`(?![A-Za-z0-9_-])`;
const START = String.raw`(?<![A-Za-z0-9_-])`;

const RULES: readonly KeyRule[] = [
  { provider: 'anthropic', type: 'API_KEY', marks: ['sk-ant-'], re: new RegExp(String.raw`${START}sk-ant-[A-Za-z0-9_-]{20,}${END}`, 'g') },
  { provider: 'openai', type: 'API_KEY', marks: ['sk-'], re: new RegExp(String.raw`${START}sk-(?!ant-)(?:proj-|svcacct-|admin-|None-)?[A-Za-z0-9_-]{20,}${END}`, 'g') },
  {
    provider: 'aws',
    type: 'API_KEY',
    marks: ['AKIA', 'ASIA', 'ABIA', 'ACCA', 'AGPA', 'AIDA', 'AROA', 'ANPA', 'ANVA', 'APKA'],
    re: /(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|ANPA|ANVA|APKA)[A-Z0-9]{16}(?![A-Z0-9])/g,
  },
  { provider: 'github', type: 'API_KEY', marks: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'], re: new RegExp(String.raw`${START}(?:gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9_]{22,247})${END}`, 'g') },
  { provider: 'gitlab', type: 'API_KEY', marks: ['glpat-'], re: new RegExp(String.raw`${START}glpat-[A-Za-z0-9_-]{20,}${END}`, 'g') },
  { provider: 'slack', type: 'API_KEY', marks: ['xox'], re: new RegExp(String.raw`${START}xox[abposre]-[A-Za-z0-9-]{10,}${END}`, 'g') },
  { provider: 'slack webhook', type: 'API_KEY', marks: ['hooks.slack.com'], re: /https:\/\/hooks\.slack\.com\/services\/T[A-Za-z0-9]+\/B[A-Za-z0-9]+\/[A-Za-z0-9]+/g },
  { provider: 'google', type: 'API_KEY', marks: ['AIza'], re: new RegExp(String.raw`${START}AIza[0-9A-Za-z_-]{35}${END}`, 'g') },
  { provider: 'stripe', type: 'API_KEY', marks: ['_live_', '_test_'], re: new RegExp(String.raw`${START}(?:sk|rk|whsec)_(?:live|test)_[0-9A-Za-z]{16,}${END}`, 'g') },
  { provider: 'huggingface', type: 'API_KEY', marks: ['hf_'], re: new RegExp(String.raw`${START}hf_[A-Za-z0-9]{30,}${END}`, 'g') },
  // Escaped newlines (\n inside JSON strings) are allowed; a key cut off before its END line still counts.
  {
    provider: 'pem',
    type: 'PRIVATE_KEY',
    marks: ['PRIVATE KEY'],
    re: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----(?:[\s\S]*?-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|(?:\\[nr]|[\sA-Za-z0-9+/=:,-])*)/g,
  },
  // Header and payload are base64url JSON objects, so both start with "eyJ" ('{"').
  { provider: 'jwt', type: 'JWT', marks: ['eyJ'], re: new RegExp(String.raw`${START}eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*${END}`, 'g') },
];

/** Every mark of every rule in one pattern: most texts fail this single scan. */
const ANY_MARK = /sk-|A(?:KIA|SIA|BIA|CCA|GPA|IDA|ROA|NPA|NVA|PKA|Iza)|gh[pousr]_|github_pat_|glpat-|xox|hooks\.slack\.com|_(?:live|test)_|hf_|PRIVATE KEY|eyJ/;

export function findProviderKeys(text: string): PiiSpan[] {
  if (!ANY_MARK.test(text)) return [];
  let out: PiiSpan[] | null = null;
  for (const rule of RULES) {
    if (!rule.marks.some((m) => text.includes(m))) continue;
    for (const m of text.matchAll(rule.re)) (out ??= []).push(span(text, m.index, m.index + m[0].length, rule.type, rule.provider));
  }
  return out ?? [];
}
