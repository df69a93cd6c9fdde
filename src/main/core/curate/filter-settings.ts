// The contract's filter settings as the engine takes them (cluster ids as text, absent options left to the
// engine's defaults), and the resolved settings as a freeze recipe records them. Imports: contract types, engine.
import type { CurateFilterSettings } from '../../../shared/contract/index.ts';
import { FILTER_NAMES, resolveFilterConfig, type FilterConfig, type FilterSettings } from './engine/index.ts';

function defined<T extends object>(o: T | undefined): Partial<T> {
  if (!o) return {};
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function engineSettings(s: CurateFilterSettings): FilterConfig {
  const settings: FilterSettings = {};
  for (const name of FILTER_NAMES) {
    const given = defined(s[name] as Record<string, unknown> | undefined);
    if (name === 'cluster' && Array.isArray(given['clusterIds'])) given['clusterIds'] = (given['clusterIds'] as number[]).map(String);
    (settings as Record<string, unknown>)[name] = given;
  }
  return resolveFilterConfig(settings);
}

/** The enabled filters with their options, in pipeline order: what a recipe says was applied. */
export function recipeFilters(config: FilterConfig): Record<string, unknown>[] {
  return FILTER_NAMES.filter((n) => config[n].enabled).map((n) => {
    const { enabled: _enabled, ...options } = config[n];
    return { name: n, ...options };
  });
}
