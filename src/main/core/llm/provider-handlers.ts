// Handlers of the providers.* commands. A key goes in sealed and never comes back out.
// Imports: rpc types, the provider store, the connection test, provider helpers.
import type { ProviderCheck } from '../../../shared/contract/index.ts';
import { CommandError, type Handlers } from '../platform/rpc/router.ts';
import { testEndpoint } from './connection-test.ts';
import type { ProviderStore } from './provider-store.ts';
import { endpointOf, knownPrices, type ResolvedProvider } from './providers.ts';

type ProviderChannels = 'providers.list' | 'providers.set' | 'providers.remove' | 'providers.test';

/** The models "Test connection" tries: the one asked for, else the defaults, else every listed model (at most 8). */
function modelsToTest(p: ResolvedProvider, only: string | undefined): { model: string; purpose: ProviderCheck['purpose'] }[] {
  if (only) return [{ model: only, purpose: p.models.find((m) => m.name === only)?.purpose ?? (only === p.defaultEmbeddingModel ? 'embeddings' : 'chat') }];
  const picked = new Map<string, ProviderCheck['purpose']>();
  if (p.defaultChatModel) picked.set(p.defaultChatModel, 'chat');
  if (p.defaultEmbeddingModel) picked.set(p.defaultEmbeddingModel, 'embeddings');
  for (const m of p.models) if (picked.size < 8 && !picked.has(m.name)) picked.set(m.name, m.purpose);
  return [...picked].map(([model, purpose]) => ({ model, purpose }));
}

export function providerHandlers(store: ProviderStore): Pick<Handlers, ProviderChannels> {
  return {
    'providers.list': () => ({ providers: store.all().map((p) => store.view(p)), knownPrices: knownPrices() }),
    'providers.set': (input) => store.view(store.save(input)),
    'providers.remove': (input) => ({ removed: store.remove(input.id) }),
    'providers.test': async (input) => {
      // The same rules as saving decide which key goes where, so a test never sends a key further than a save could.
      const p = 'baseUrl' in input ? store.preview(input) : store.get(input.id);
      const targets = modelsToTest(p, input.model);
      if (targets.length === 0) throw new CommandError('invalid_input', 'nothing to test: add a model to this provider');
      const checks = await Promise.all(targets.map((t) => testEndpoint(endpointOf(p, t.model), t.purpose)));
      return { baseUrl: p.baseUrl, checks };
    },
  };
}


