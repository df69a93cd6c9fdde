// Seeded fake credentials in the formats providers issue, set in sentences, with their labelled spans; and
// look-alikes (hashes, UUIDs, identifiers, data URIs) that must not be taken for keys. For measuring the secret
// detectors, which no public labelled data set covers. Imports: the engine's span types.
import type { LabelledSpan } from '../../src/main/core/curate/engine/pii/score-spans.ts';
import type { PiiType } from '../../src/main/core/curate/engine/pii/pii-span.ts';

export interface LabelledText {
  text: string;
  spans: LabelledSpan[];
}

const B62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const B64URL = `${B62}-_`;
const HEX = '0123456789abcdef';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Kind {
  name: string;
  type: PiiType;
  make: (r: () => number) => string;
}

const pick = (r: () => number, alphabet: string, n: number): string => Array.from({ length: n }, () => alphabet[Math.floor(r() * alphabet.length)]!).join('');
const b64url = (s: string): string => Buffer.from(s).toString('base64url');

const KINDS: readonly Kind[] = [
  { name: 'openai project', type: 'API_KEY', make: (r) => `sk-proj-${pick(r, B64URL, 48 + Math.floor(r() * 100))}` },
  { name: 'openai legacy', type: 'API_KEY', make: (r) => `sk-${pick(r, B62, 20)}T3BlbkFJ${pick(r, B62, 20)}` },
  { name: 'anthropic', type: 'API_KEY', make: (r) => `sk-ant-api03-${pick(r, B64URL, 93)}AA` },
  { name: 'aws access key', type: 'API_KEY', make: (r) => `AKIA${pick(r, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}` },
  { name: 'github classic', type: 'API_KEY', make: (r) => `ghp_${pick(r, B62, 36)}` },
  { name: 'github fine-grained', type: 'API_KEY', make: (r) => `github_pat_${pick(r, B62, 22)}_${pick(r, B62, 59)}` },
  { name: 'slack bot', type: 'API_KEY', make: (r) => `xoxb-${pick(r, HEX.slice(0, 10), 12)}-${pick(r, HEX.slice(0, 10), 13)}-${pick(r, B62, 24)}` },
  { name: 'google', type: 'API_KEY', make: (r) => `AIza${pick(r, B64URL, 35)}` },
  { name: 'stripe live', type: 'API_KEY', make: (r) => `sk_live_${pick(r, B62, 24 + Math.floor(r() * 75))}` },
  { name: 'hugging face', type: 'API_KEY', make: (r) => `hf_${pick(r, B62.slice(0, 52), 34)}` },
  {
    name: 'pem rsa',
    type: 'PRIVATE_KEY',
    make: (r) => {
      const lines = Array.from({ length: 4 + Math.floor(r() * 20) }, () => pick(r, `${B62}+/`, 64));
      const nl = r() < 0.3 ? '\\n' : '\n';
      const kind = r() < 0.5 ? 'RSA PRIVATE KEY' : 'PRIVATE KEY';
      return `-----BEGIN ${kind}-----${nl}${lines.join(nl)}${nl}-----END ${kind}-----`;
    },
  },
  {
    name: 'jwt',
    type: 'JWT',
    make: (r) =>
      `${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url(`{"sub":"${pick(r, HEX, 12)}","name":"${pick(r, B62, 8)}","iat":${1700000000 + Math.floor(r() * 1e7)}}`)}.${pick(r, B64URL, 43)}`,
  },
  { name: 'random token', type: 'SECRET', make: (r) => pick(r, B62, 32 + Math.floor(r() * 33)) },
  { name: 'named password', type: 'SECRET', make: (r) => pick(r, `${B62}!@#$%^&*`, 10 + Math.floor(r() * 10)) },
];

const TEMPLATES: readonly string[] = [
  'Here is my key: {k}',
  'export SERVICE_TOKEN={k}',
  '{"api_key": "{k}", "model": "gpt-4o-mini"}',
  "curl -H 'Authorization: Bearer {k}' https://api.example.com/v1/items",
  'Why does the server reject {k} with a 401?',
  'config.yaml:\n  credentials:\n    secret: {k}\n  region: eu-west-1',
  'I rotated it yesterday, the new one is {k}. Please update the deploy script.',
];
/** Passwords only count where something names them; a bare short password is indistinguishable from a word. */
const PASSWORD_TEMPLATES: readonly string[] = ['DB_PASSWORD={k}', 'login: admin / password: {k}', '{"user": "svc", "password": "{k}"}'];

export function syntheticSecrets(seed = 42, perKind = 40): LabelledText[] {
  const r = rng(seed);
  const out: LabelledText[] = [];
  for (const kind of KINDS) {
    const templates = kind.name === 'named password' ? PASSWORD_TEMPLATES : TEMPLATES;
    for (let i = 0; i < perKind; i++) {
      const key = kind.make(r);
      const template = templates[i % templates.length]!;
      const at = template.indexOf('{k}');
      const text = template.replace('{k}', key);
      out.push({ text, spans: [{ start: at, end: at + key.length, type: kind.type }] });
    }
  }
  return out;
}

/** Strings that look like keys and are not: they must come out clean. */
export function secretLookAlikes(seed = 7, perKind = 40): string[] {
  const r = rng(seed);
  const uuid = (): string => `${pick(r, HEX, 8)}-${pick(r, HEX, 4)}-4${pick(r, HEX, 3)}-a${pick(r, HEX, 3)}-${pick(r, HEX, 12)}`;
  const makers: (() => string)[] = [
    () => `request id ${uuid()} failed`,
    () => `fixed in commit ${pick(r, HEX, 40)}`,
    () => `sha256: ${pick(r, HEX, 64)}`,
    () => `md5 ${pick(r, HEX, 32)} matches`,
    () => `<img src="data:image/png;base64,iVBORw0KGgo${pick(r, `${B62}+/`, 120)}=">`,
    () => `see src/components/${['User', 'Order', 'Invoice'][Math.floor(r() * 3)]}SettingsPanel${Math.floor(r() * 9)}.tsx line ${Math.floor(r() * 400)}`,
    () => `https://example.com/blog/${['how', 'why', 'when'][Math.floor(r() * 3)]}-to-rotate-keys-in-2024-part-${Math.floor(r() * 9)}`,
    () => `model gpt-4o-mini-2024-07-18 with scikit-learn and ask-me-anything-v${Math.floor(r() * 9)}`,
    () => `task-${Math.floor(r() * 1e6)} and sk-learn pipeline`,
    () => `set OPENAI_API_KEY=\${OPENAI_API_KEY} or api_key="<your key here>" or password: ********`,
    () => `class InternationalizationProviderFactoryV${Math.floor(r() * 9)} extends BaseProvider`,
    () => `colour #${pick(r, HEX, 6)} and font-family Inter`,
  ];
  const out: string[] = [];
  for (const make of makers) for (let i = 0; i < perKind; i++) out.push(make());
  return out;
}
