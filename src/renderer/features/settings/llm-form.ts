// The LLM endpoint form's draft and how it becomes a settings.llm.set input: empty fields are null, the
// key is sent only when typed (a string) or removed (null). Imports: shared contract types (pure, tested).
import type { LlmSettings } from '../../../shared/contract/index.ts';
import type { LlmSettingsInput } from './settings-store.ts';

export interface LlmDraft {
  baseUrl: string;
  model: string;
  embeddingModel: string;
  /** Typed into the password field; never filled from saved settings. */
  apiKey: string;
  removeKey: boolean;
}

export function draftFrom(llm: LlmSettings | null): LlmDraft {
  return { baseUrl: llm?.baseUrl ?? '', model: llm?.model ?? '', embeddingModel: llm?.embeddingModel ?? '', apiKey: '', removeKey: false };
}

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

export function toInput(d: LlmDraft): LlmSettingsInput {
  const input: LlmSettingsInput = { baseUrl: orNull(d.baseUrl), model: orNull(d.model), embeddingModel: orNull(d.embeddingModel) };
  // Leaving the key out keeps the saved one; null removes it.
  if (d.apiKey.trim() !== '') input.apiKey = d.apiKey.trim();
  else if (d.removeKey) input.apiKey = null;
  return input;
}

/** A message for a draft the core would refuse, or null. */
export function draftProblem(d: LlmDraft): string | null {
  const url = d.baseUrl.trim();
  if (url !== '' && !/^https?:\/\/[^\s/]+/i.test(url)) return 'The base URL must start with http:// or https://, e.g. http://localhost:11434/v1.';
  return null;
}

export function isDirty(d: LlmDraft, llm: LlmSettings | null): boolean {
  const saved = draftFrom(llm);
  return d.baseUrl.trim() !== saved.baseUrl || d.model.trim() !== saved.model || d.embeddingModel.trim() !== saved.embeddingModel || d.apiKey.trim() !== '' || d.removeKey;
}
