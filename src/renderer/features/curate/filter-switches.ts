// The filters' on/off switches as the panel shows them: read from the last run's recorded settings (or the
// defaults) and turned into the `filters` input of curate.run. Options the panel does not show (cluster ids,
// length limit, near-duplicate threshold) keep whatever the last run used. Imports: contract types only.
import { CurateFilterName, CurateFilterSettings } from '../../../shared/contract/index.ts';

export type FilterSwitches = Record<CurateFilterName, boolean>;

/** Cluster and length limits need a target, so they start off, as in the core. */
export const DEFAULT_SWITCHES: FilterSwitches = {
  failed: true,
  empty: true,
  cluster: false,
  refusal: true,
  truncated: true,
  invalid_json: true,
  too_long: false,
  pii: true,
  duplicate: true,
};

export const FILTER_HELP: Record<CurateFilterName, string> = {
  failed: 'The request failed (status or finish reason error)',
  empty: 'No answer: empty content and no tool calls',
  cluster: 'Outside the target clusters or below a membership score',
  refusal: 'The model refused ("I can’t help with that")',
  truncated: 'Cut off: finish reason length, or stops mid-sentence, mid-JSON or mid-code-block',
  invalid_json: 'JSON was asked for and the answer is not valid JSON or breaks the schema',
  too_long: 'Prompt and answer above the token limit',
  pii: 'Personal data or secrets in any message',
  duplicate: 'Exact or near copy of a row that stays',
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Switches from a run's recorded `filters` (any shape; unknown values fall back to the defaults). */
export function switchesFrom(recorded: Record<string, unknown> | null): FilterSwitches {
  const out = { ...DEFAULT_SWITCHES };
  if (!recorded) return out;
  for (const name of CurateFilterName.options) {
    const entry = recorded[name];
    if (isRecord(entry) && typeof entry.enabled === 'boolean') out[name] = entry.enabled;
    else if (typeof entry === 'boolean') out[name] = entry;
  }
  return out;
}

/** The two limits the panel edits; null membership = only the cluster ids (if any) of the last run count. */
export interface FilterLimits {
  maxTokens: number;
  minMembership: number | null;
}

export function limitsFrom(recorded: Record<string, unknown> | null): FilterLimits {
  const tooLong = recorded?.too_long;
  const cluster = recorded?.cluster;
  return {
    maxTokens: isRecord(tooLong) && typeof tooLong.maxTokens === 'number' ? tooLong.maxTokens : 8192,
    minMembership: isRecord(cluster) && typeof cluster.minMembershipScore === 'number' ? cluster.minMembershipScore : null,
  };
}

// Options the last run used that the panel does not show, carried into the next run unchanged.
const CARRIED: Partial<Record<CurateFilterName, readonly string[]>> = {
  cluster: ['clusterIds'],
  invalid_json: ['allowFenced'],
  pii: ['types'],
  duplicate: ['near', 'threshold'],
};

export function filterSettings(switches: FilterSwitches, limits: FilterLimits, recorded: Record<string, unknown> | null = null): CurateFilterSettings {
  const out: Record<string, Record<string, unknown>> = {};
  for (const name of CurateFilterName.options) {
    const entry: Record<string, unknown> = { enabled: switches[name] };
    const before = recorded?.[name];
    for (const key of CARRIED[name] ?? []) if (isRecord(before) && before[key] !== undefined) entry[key] = before[key];
    out[name] = entry;
  }
  out.too_long = { ...out.too_long, maxTokens: limits.maxTokens };
  out.cluster = { ...out.cluster, minMembershipScore: limits.minMembership };
  // Whatever the last run recorded must still fit the contract; what does not is left to the defaults.
  const checked = CurateFilterSettings.safeParse(out);
  if (checked.success) return checked.data;
  const plain: CurateFilterSettings = {};
  for (const name of CurateFilterName.options) plain[name] = { enabled: switches[name] };
  return plain;
}
