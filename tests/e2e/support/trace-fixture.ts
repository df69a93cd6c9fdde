// A small OpenAI-chat JSONL export for the import e2e: facets in metadata, a tool call, one bad line.
// Imports: node:fs, node:path only.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

type Line = Record<string, unknown> | string;

const chat = (user: string, assistant: string, metadata: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  messages: [
    { role: 'system', content: 'You are the support assistant of Acme Outdoor. Be brief and friendly.' },
    { role: 'user', content: user },
    { role: 'assistant', content: assistant },
  ],
  metadata,
  ...extra,
});

export const FIXTURE_LINES: readonly Line[] = [
  {
    messages: [
      { role: 'system', content: 'You are the support assistant of Acme Outdoor. Use tools to look up orders.' },
      { role: 'user', content: 'Where is my order #4411? It was supposed to arrive yesterday.' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'call_order_1', type: 'function', function: { name: 'lookup_order', arguments: '{"order_id":"4411"}' } }],
      },
      { role: 'tool', tool_call_id: 'call_order_1', content: '{"status":"in_transit","carrier":"DHL","eta":"2026-01-08"}' },
      { role: 'assistant', content: 'Your order #4411 is with DHL and should arrive on January 8. Sorry for the delay!' },
    ],
    tools: [{ type: 'function', function: { name: 'lookup_order', parameters: { type: 'object', properties: { order_id: { type: 'string' } } } } }],
    metadata: { environment: 'prod', task: 'order-status', model: 'gpt-4o', timestamp: '2026-01-05T09:12:44Z', latency_ms: 1840, total_tokens: 412, cost: 0.0031 },
  },
  chat('Summarize this review: "Tent was great but the zipper broke on day two."', 'Positive on the tent overall; one durability issue with the zipper.', {
    environment: 'prod', task: 'summarize', model: 'gpt-4o-mini', timestamp: '2026-01-05T11:40:02Z', latency_ms: 620, total_tokens: 188, cost: 0.00011,
  }),
  {
    messages: [
      { role: 'user', content: 'Do you ship to Norway?' },
      { role: 'assistant', content: 'Yes, we ship to Norway. Delivery takes 5–7 business days.' },
      { role: 'user', content: 'And customs fees?' },
      { role: 'assistant', content: 'Customs fees are collected by the carrier on delivery for orders above 350 NOK.' },
    ],
    metadata: { environment: 'staging', task: 'faq', model: 'claude-3-5-sonnet', timestamp: '2026-01-06T14:03:19Z', latency_ms: 2310, total_tokens: 301, cost: 0.0042 },
  },
  chat('Cancel my subscription right now', 'I can help with that. Could you confirm the email on the account?', {
    environment: 'prod', task: 'account', model: 'gpt-4o', timestamp: '2026-01-06T16:25:51Z', latency_ms: 30120, total_tokens: 97, cost: 0.0009, status: 'error',
  }),
  chat('Extract the city from: "Ship to 12 Rue Oberkampf, Paris"', '{"city": "Paris"}', {
    environment: 'dev', task: 'extract', model: 'gpt-4o-mini', timestamp: '2026-01-07T08:00:10Z', latency_ms: 410, total_tokens: 64, cost: 0.00004,
  }),
  '{"messages": [{"role": "user", "content": "this line was cut off',
  chat('Summarize: "Jacket runs small, order a size up."', 'Sizing note: the jacket runs small; customers suggest ordering one size up.', {
    environment: 'staging', task: 'summarize', model: 'gpt-4o', timestamp: '2026-01-07T12:45:33Z', latency_ms: 980, total_tokens: 143, cost: 0.0012,
  }),
  chat('Which sleeping bag is warmest under $200?', 'The Acme Polar 15 is our warmest bag under $200, rated to −9 °C.', {
    environment: 'prod', task: 'recommend', model: 'claude-3-5-sonnet', timestamp: '2026-01-08T19:30:00Z', latency_ms: 1520, total_tokens: 256, cost: 0.0037,
  }),
];

/** What the fixture must give once imported. */
export const FIXTURE_EXPECT = { traces: 7, prod: 4, rejectedLine: 6, rejectedCode: 'invalid_json' } as const;

export function writeTraceFixture(dir: string, name = 'acme-support.jsonl'): string {
  const path = join(dir, name);
  writeFileSync(path, FIXTURE_LINES.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
  return path;
}
