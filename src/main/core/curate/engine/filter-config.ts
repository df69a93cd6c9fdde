// The switches and settings of every filter, their defaults, and how partial settings fill in from them.
// Imports: ./filter-verdict.ts and the option types of the filters.

import type { FilterName } from './filter-verdict.ts';
import type { ClusterOptions } from './filters/cluster-filter.ts';
import type { DuplicateOptions } from './filters/duplicate-filter.ts';
import type { InvalidJsonOptions } from './filters/invalid-json-filter.ts';
import type { PiiOptions } from './filters/pii-filter.ts';
import type { TooLongOptions } from './filters/too-long-filter.ts';

interface Switch {
  enabled: boolean;
}

export interface FilterConfig {
  failed: Switch;
  empty: Switch;
  cluster: Switch & ClusterOptions;
  refusal: Switch;
  truncated: Switch;
  invalid_json: Switch & InvalidJsonOptions;
  too_long: Switch & TooLongOptions;
  pii: Switch & PiiOptions;
  duplicate: Switch & DuplicateOptions;
}

export type FilterSettings = { [K in FilterName]?: Partial<FilterConfig[K]> };

/** Cluster and length limits depend on the user's target, so they start off; the rest start on. */
export function defaultFilterConfig(): FilterConfig {
  return {
    failed: { enabled: true },
    empty: { enabled: true },
    cluster: { enabled: false, clusterIds: null, minMembershipScore: null },
    refusal: { enabled: true },
    truncated: { enabled: true },
    invalid_json: { enabled: true, allowFenced: false },
    too_long: { enabled: false, maxTokens: 8192 },
    pii: { enabled: true, types: null },
    duplicate: { enabled: true, near: true, threshold: 0.8 },
  };
}

export function resolveFilterConfig(settings: FilterSettings = {}): FilterConfig {
  const base = defaultFilterConfig();
  return {
    failed: { ...base.failed, ...settings.failed },
    empty: { ...base.empty, ...settings.empty },
    cluster: { ...base.cluster, ...settings.cluster },
    refusal: { ...base.refusal, ...settings.refusal },
    truncated: { ...base.truncated, ...settings.truncated },
    invalid_json: { ...base.invalid_json, ...settings.invalid_json },
    too_long: { ...base.too_long, ...settings.too_long },
    pii: { ...base.pii, ...settings.pii },
    duplicate: { ...base.duplicate, ...settings.duplicate },
  };
}
