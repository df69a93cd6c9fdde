// The judge's pure parts: flagged/borderline at the edges, the histogram, what the hashes cover, the prompt.
import { describe, expect, it } from 'vitest';
import { rowHash, rubricHash } from './judge-hash.ts';
import { DEFAULT_RUBRIC, judgeMessages, renderConversation } from './judge-prompt.ts';
import { histogram, verdictOf } from './judge-verdict.ts';

const S = { threshold: 0.6, margin: 0.05, minMembership: null };

describe('verdicts', () => {
  it('flags below the threshold and marks borderline within the margin, edges included', () => {
    expect(verdictOf({ status: 'judged', overall: 0.59 }, null, S)).toEqual({ flagged: true, borderline: true });
    expect(verdictOf({ status: 'judged', overall: 0.6 }, null, S)).toEqual({ flagged: false, borderline: true });
    expect(verdictOf({ status: 'judged', overall: 0.65 }, null, S)).toEqual({ flagged: false, borderline: true });
    expect(verdictOf({ status: 'judged', overall: 0.55 }, null, S)).toEqual({ flagged: true, borderline: true });
    expect(verdictOf({ status: 'judged', overall: 0.54 }, null, S)).toEqual({ flagged: true, borderline: false });
    expect(verdictOf({ status: 'judged', overall: 0.66 }, null, S)).toEqual({ flagged: false, borderline: false });
  });

  it('sends failed judgements and low-membership rows to review, never flags a failure', () => {
    expect(verdictOf({ status: 'failed', overall: null }, null, S)).toEqual({ flagged: false, borderline: true });
    expect(verdictOf({ status: 'pending', overall: null }, null, S)).toEqual({ flagged: false, borderline: false });
    const cut = { ...S, minMembership: 0.3 };
    expect(verdictOf({ status: 'judged', overall: 0.9 }, 0.2, cut)).toEqual({ flagged: false, borderline: true });
    expect(verdictOf({ status: 'judged', overall: 0.9 }, 0.3, cut)).toEqual({ flagged: false, borderline: false });
    expect(verdictOf({ status: 'pending', overall: null }, 0.1, cut)).toEqual({ flagged: false, borderline: true });
  });

  it('bins overall scores in 20 bins, 1.0 in the last', () => {
    const h = histogram([0, 0.049, 0.05, 0.5, 0.999, 1]);
    expect(h).toHaveLength(20);
    expect(h[0]).toBe(2);
    expect(h[1]).toBe(1);
    expect(h[10]).toBe(1);
    expect(h[19]).toBe(2);
  });
});

describe('judgement keys', () => {
  const row = { messages: [{ role: 'user', content: 'Hi' }], response: { content: 'Hello!' } };
  const cluster = { name: 'Greetings', description: null, includeRule: 'says hello', excludeRule: null };

  it('hash the row as the judge sees it, whatever the key order', () => {
    const reordered = { response: { content: 'Hello!' }, messages: [{ content: 'Hi', role: 'user' }] };
    expect(rowHash(reordered, cluster)).toBe(rowHash(row, cluster));
    expect(rowHash({ ...row, response: { content: 'Hello.' } }, cluster)).not.toBe(rowHash(row, cluster));
    // The cluster's rules are part of the judge's context, so new rules mean a new judgement.
    expect(rowHash(row, { ...cluster, includeRule: 'greets' })).not.toBe(rowHash(row, cluster));
    expect(rowHash(row, null)).not.toBe(rowHash(row, cluster));
  });

  it('hash the rubric with the task description', () => {
    expect(rubricHash(DEFAULT_RUBRIC, 'Support answers')).toBe(rubricHash(`${DEFAULT_RUBRIC}\n`, ' Support answers '));
    expect(rubricHash(DEFAULT_RUBRIC, 'Support answers')).not.toBe(rubricHash(DEFAULT_RUBRIC, 'Sales answers'));
    expect(rubricHash('Be strict.', 'Support answers')).not.toBe(rubricHash(DEFAULT_RUBRIC, 'Support answers'));
  });
});

describe('the judge prompt', () => {
  it('carries the rubric, the task, the cluster rules, tool calls and the response', () => {
    const [system, user] = judgeMessages('RUBRIC TEXT', 'Answer weather questions.', { name: 'Weather', description: 'Forecasts', includeRule: 'asks about weather', excludeRule: 'climate policy' }, {
      messages: [
        { role: 'user', content: 'Weather in Paris?' },
        { role: 'assistant', content: null, tool_calls: [{ function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
        { role: 'tool', content: '{"temp":18}' },
      ],
      response: { content: [{ type: 'text', text: '18°C in Paris.' }] },
    });
    expect(system!.content).toContain('RUBRIC TEXT');
    expect(system!.content).toContain('"rationale"');
    for (const text of ['Task of this dataset: Answer weather questions.', 'Cluster: Weather — Forecasts', 'Belongs in it: asks about weather', 'Does not belong: climate policy', '[tool call get_weather({"city":"Paris"})]', '[tool result]', 'Assistant response to judge:\n18°C in Paris.']) {
      expect(user!.content).toContain(text);
    }
  });

  it('keeps the system prompt and the latest turns of a very long conversation', () => {
    const messages = [{ role: 'system', content: 'SYSTEM' }, ...Array.from({ length: 40 }, (_, i) => ({ role: i % 2 ? 'assistant' : 'user', content: `turn ${i} ${'x'.repeat(1500)}` }))];
    const text = renderConversation(messages);
    expect(text.startsWith('[system]\nSYSTEM')).toBe(true);
    expect(text).toContain('earlier messages omitted');
    expect(text).toContain('turn 39');
    expect(text).not.toContain('turn 0 ');
    expect(text.length).toBeLessThan(26_000);
  });
});
