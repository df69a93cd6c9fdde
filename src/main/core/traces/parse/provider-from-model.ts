// Owns: guessing the provider from a model name when a record does not say who served it.
// Imports: nothing.

// Ordered: the first pattern that matches wins, so specific families come before generic ones.
const FAMILIES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(gpt-|gpt4|o1\b|o1-|o3\b|o3-|o4-|chatgpt|text-davinci|davinci|babbage|text-embedding|ft:gpt|whisper|dall-e|codex)/, 'openai'],
  [/^claude/, 'anthropic'],
  [/^(gemini|gemma|palm|bison|text-bison|chat-bison)/, 'google'],
  [/^(mistral|mixtral|codestral|ministral|pixtral|magistral|devstral|open-mistral)/, 'mistral'],
  [/^(llama|meta-llama|codellama)/, 'meta'],
  [/^(command|c4ai)/, 'cohere'],
  [/^deepseek/, 'deepseek'],
  [/^(qwen|qwq)/, 'alibaba'],
  [/^grok/, 'xai'],
  [/^phi-/, 'microsoft'],
  [/^(amazon\.|nova-|titan)/, 'amazon'],
];

// Prefixes naming the provider outright, e.g. "openai/gpt-4o" or Bedrock's "anthropic.claude-3".
const PREFIXES = new Map<string, string>([
  ['openai', 'openai'],
  ['anthropic', 'anthropic'],
  ['google', 'google'],
  ['meta-llama', 'meta'],
  ['mistralai', 'mistral'],
  ['cohere', 'cohere'],
  ['deepseek', 'deepseek'],
  ['deepseek-ai', 'deepseek'],
  ['qwen', 'alibaba'],
  ['x-ai', 'xai'],
  ['xai', 'xai'],
]);

export function providerFromModel(model: string | null): string | null {
  if (!model) return null;
  const lower = model.toLowerCase();
  const slash = lower.indexOf('/');
  if (slash > 0) {
    const named = PREFIXES.get(lower.slice(0, slash));
    if (named) return named;
  }
  // Paths like projects/x/locations/y/publishers/google/models/gemini-2.5-flash: judge the last segment.
  const last = lower.slice(lower.lastIndexOf('/') + 1);
  if (last.includes('.')) {
    for (const segment of last.split('.')) {
      const named = PREFIXES.get(segment);
      if (named) return named;
    }
  }
  for (const [pattern, provider] of FAMILIES) {
    if (pattern.test(last)) return provider;
  }
  return null;
}
