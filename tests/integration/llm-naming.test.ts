// LLM cluster names through the real `openai` client and a local fake server: valid replies, contrast
// with neighbours, validation, a corrective retry, and the keyword fallback on malformed replies.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clusterVectorsSync } from '../../src/main/core/clusters/engine/cluster-core.ts';
import { nameClustersWithLlm, parseNameReply } from '../../src/main/core/clusters/llm-naming.ts';
import { nameClustersOfflineSync, type OfflineName } from '../../src/main/core/clusters/engine/name-offline.ts';
import type { Clustering } from '../../src/main/core/clusters/engine/types.ts';
import { BuiltinEmbedder } from '../../src/main/core/embed/builtin-embedder.ts';
import { fitLexicalModel } from '../../src/main/core/embed/lexical-fit.ts';
import type { ChatClient } from '../../src/main/core/llm/chat-client.ts';
import { LlmService } from '../../src/main/core/llm/llm-service.ts';
import { startFakeOpenAiServer, type ChatRequestBody, type FakeOpenAiServer } from '../support/fake-openai-server.ts';

const TOPICS: Record<string, string[]> = {
  billing: ['refund my double charge', 'I was charged twice, refund please', 'refund the duplicate card charge', 'why was my card charged twice'],
  login: ['reset my password', 'cannot log in, password rejected', 'password reset email missing', 'locked out after password attempts'],
  travel: ['book a flight to Rome', 'cheap flight to Lisbon', 'change my flight date', 'flight to Tokyo in May'],
};

let server: FakeOpenAiServer;
let texts: string[];
let clustering: Clustering;
let offline: OfflineName[];

beforeAll(async () => {
  server = await startFakeOpenAiServer();
  texts = [];
  for (let i = 0; i < 60; i++) for (const list of Object.values(TOPICS)) texts.push(`${list[i % list.length]} (${i})`);
  const e = new BuiltinEmbedder(fitLexicalModel(texts));
  clustering = clusterVectorsSync(e.embedSync(texts), texts.length, e.dimensions, {});
  offline = nameClustersOfflineSync(texts, clustering.labels, { scores: clustering.scores });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => server.reset());

function client(): ChatClient {
  const endpoint = { baseUrl: server.baseUrl, apiKey: 'sk-test', model: 'gpt-4o-mini', source: { baseUrl: 'env', apiKey: 'env', model: 'env' } } as const;
  return new LlmService({ baseDelayMs: 5 }).chat(endpoint, { feature: 'cluster-naming' });
}

function userPrompt(body: ChatRequestBody): string {
  return body.messages.filter((m) => m.role === 'user')[0]?.content ?? '';
}

describe('LLM cluster naming', () => {
  it('writes name, description and rules from central members, contrasted with neighbours', async () => {
    server.chatReply = (body) => {
      const p = userPrompt(body);
      const topic = /refund|charged/.test(p.split('Neighbouring')[0]!) ? 'Double charge refunds' : /password/.test(p.split('Neighbouring')[0]!) ? 'Password and login help' : 'Flight bookings';
      return '```json\n' + JSON.stringify({ name: topic, description: `Users asking about ${topic.toLowerCase()}.`, include: `Requests about ${topic.toLowerCase()}.`, exclude: 'Anything about the neighbouring topics.' }) + '\n```';
    };
    const names = await nameClustersWithLlm(texts, clustering, offline, client());
    expect(names).toHaveLength(clustering.clusters.length);
    for (const n of names) {
      expect(n.source).toBe('llm');
      expect(n.model).toBe('gpt-4o-mini');
      expect(n.name.split(/\s+/).length).toBeLessThanOrEqual(5);
      expect(n.description && n.include && n.exclude).toBeTruthy();
      expect(n.keywords.length).toBeGreaterThan(0);
    }
    expect(new Set(names.map((n) => n.name.toLowerCase())).size).toBe(names.length);
    // Every request shows central members of its own cluster and the neighbours' keywords.
    const prompts = server.requests.map((r) => userPrompt(r.body as unknown as ChatRequestBody));
    expect(prompts.every((p) => p.includes('most central prompts') && p.includes('Neighbouring clusters'))).toBe(true);
    for (const p of prompts) {
      const [own, contrast] = p.split('Neighbouring');
      const lines = contrast!.split('\n').filter((l) => l.startsWith('- '));
      expect(lines).toHaveLength(3);
      // The neighbours' examples are other prompts than the cluster's own.
      for (const l of lines) for (const ex of l.match(/"[^"]+"/g) ?? []) expect(own).not.toContain(ex.slice(1, -1));
    }
  });

  it('falls back to keyword names when replies stay malformed, and says why', async () => {
    server.chatReply = (_b, i) => (i % 2 === 0 ? 'Sure! Here is a name: Billing stuff' : '{"name": "one two three four five six seven", "description": "x", "include": "y", "exclude": "z"}');
    const names = await nameClustersWithLlm(texts, clustering, offline, client());
    for (const n of names) {
      expect(n.source).toBe('keywords');
      expect(n.model).toBeNull();
      expect(n.name).toBe(offline.find((o) => o.clusterId === n.clusterId)!.name);
      expect(n.error).toMatch(/at most 5 words|no JSON object/);
    }
    // One corrective retry per cluster, which is told what was wrong.
    expect(server.requests).toHaveLength(2 * clustering.clusters.length);
    const retry = server.requests.find((r) => (r.body.messages as { role: string }[]).length === 4)!;
    expect(JSON.stringify(retry.body.messages)).toContain('was not usable');
  });

  it('uses a corrected second reply', async () => {
    server.chatReply = (body) =>
      body.messages.length === 2 ? 'not json at all' : JSON.stringify({ name: `Topic ${body.messages[1]!.content.length}`, description: 'd', include: 'i', exclude: 'e' });
    const names = await nameClustersWithLlm(texts, clustering, offline, client());
    expect(names.every((n) => n.source === 'llm')).toBe(true);
  });

  it('keeps keyword names when the endpoint fails, and stops on abort', async () => {
    server.failures['/v1/chat/completions'] = Array.from({ length: 50 }, () => ({ status: 401 }));
    const names = await nameClustersWithLlm(texts, clustering, offline, client());
    expect(names.every((n) => n.source === 'keywords' && /LLM call failed/.test(n.error ?? ''))).toBe(true);
    server.failures = {};
    server.delayMs = 2000;
    const ac = new AbortController();
    const p = nameClustersWithLlm(texts, clustering, offline, client(), { signal: ac.signal });
    setTimeout(() => ac.abort(), 30);
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    server.delayMs = 0;
  });

  it('makes duplicate names distinct', async () => {
    server.chatReply = () => JSON.stringify({ name: 'Customer requests', description: 'd', include: 'i', exclude: 'e' });
    const names = await nameClustersWithLlm(texts, clustering, offline, client());
    expect(new Set(names.map((n) => n.name)).size).toBe(names.length);
  });

  it('parses replies leniently but validates strictly', () => {
    expect(parseNameReply('noise {"name":"A b","description":"d","include":"i","exclude":"e"} trailing')).toMatchObject({ ok: true });
    expect(parseNameReply('{"name":"","description":"d","include":"i","exclude":"e"}')).toMatchObject({ ok: false });
    expect(parseNameReply('{"name":"A","description":"d"}')).toMatchObject({ ok: false });
    expect(parseNameReply('{oops}')).toMatchObject({ ok: false, error: expect.stringMatching(/not valid JSON/) });
  });
});
