import { describe, expect, it } from 'vitest';
import { row } from '../../../../../../tests/support/curate-rows.ts';
import { redactRow } from './redact-row.ts';

describe('redactRow', () => {
  it('gives one value one placeholder across messages, tool calls and the response, numbered per type', () => {
    const r = row({
      messages: [
        { role: 'system', content: 'Support desk. Escalations go to ops@example.com.' },
        { role: 'user', content: [{ type: 'text', text: 'I am jane@corp.com, call me on (415) 555-2671.' }, { type: 'image_url', image_url: { url: 'x' } }] },
        { role: 'assistant', content: null, tool_calls: [{ id: 't', type: 'function', function: { name: 'lookup', arguments: '{"email":"JANE@corp.com"}' } }] },
        { role: 'tool', tool_call_id: 't', content: '{"phone":"+1 415 555 2671","backup":"ops@example.com"}' },
      ],
      response: { content: 'Thanks Jane, I will call 415.555.2671 and copy ops@example.com.' },
    });
    const { row: out, spans, placeholders } = redactRow(r);
    expect(out.messages[0]!.content).toBe('Support desk. Escalations go to <EMAIL_1>.');
    expect(out.messages[1]!.content).toEqual([{ type: 'text', text: 'I am <EMAIL_2>, call me on <PHONE_1>.' }, { type: 'image_url', image_url: { url: 'x' } }]);
    expect(out.messages[2]!.tool_calls![0]!.function.arguments).toBe('{"email":"<EMAIL_2>"}');
    expect(out.messages[3]!.content).toBe('{"phone":"<PHONE_1>","backup":"<EMAIL_1>"}');
    expect(out.response!.content).toBe('Thanks Jane, I will call <PHONE_1> and copy <EMAIL_1>.');
    expect(spans).toHaveLength(8);
    expect([...placeholders.keys()]).toEqual(['<EMAIL_1>', '<EMAIL_2>', '<PHONE_1>']);
    // The input row is not changed.
    expect(r.messages[0]!.content).toBe('Support desk. Escalations go to ops@example.com.');
  });
  it('gives different values different numbers, and leaves a clean row as it is', () => {
    const r = row({ messages: [{ role: 'user', content: 'a@x.io then b@x.io then a@x.io' }], response: { content: 'ok' } });
    expect(redactRow(r).row.messages[0]!.content).toBe('<EMAIL_1> then <EMAIL_2> then <EMAIL_1>');
    const clean = row();
    expect(redactRow(clean).row).toBe(clean);
  });
  it('redacts only the requested types', () => {
    const r = row({ messages: [{ role: 'user', content: 'mail a@x.io, ip 203.0.113.9' }] });
    expect(redactRow(r, new Set(['IP_ADDRESS'])).row.messages[0]!.content).toBe('mail a@x.io, ip <IP_ADDRESS_1>');
  });
});

describe('PiiCache', () => {
  it('gives the same findings as a fresh scan for a repeated long text', async () => {
    const { PiiCache, findRowPii } = await import('./row-pii.ts');
    const system = `Escalate to ops@example.com. ${'Policy text. '.repeat(30)}`;
    const r = row({ messages: [{ role: 'system', content: system }, { role: 'user', content: 'hi' }] });
    const cache = new PiiCache();
    expect(findRowPii(r, undefined, cache)).toEqual(findRowPii(r));
    expect(findRowPii(r, undefined, cache)).toEqual(findRowPii(r));
  });
});
