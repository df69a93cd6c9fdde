// The Embedder contract shared by the built-in lexical embedder and OpenAI-compatible endpoints.
// Imports: nothing.

export interface EmbedProgress {
  done: number;
  total: number;
}

export interface EmbedOptions {
  signal?: AbortSignal;
  onProgress?: (p: EmbedProgress) => void;
  /** The job the embedding is for, so paid calls are recorded against it. */
  jobId?: number;
}

export interface Embedder {
  /** Stable identity of the vector space: rows embedded under different ids must not be compared. */
  readonly id: string;
  /** Vector width; an OpenAI-compatible embedder without a configured width learns it on its first call. */
  readonly dimensions: number;
  /**
   * Embeds texts into one row-major Float32Array of texts.length × dimensions, every row L2-normalised
   * (clustering compares rows by inner product). Rejects with an AbortError when `signal` aborts.
   */
  embed(texts: readonly string[], options?: EmbedOptions): Promise<Float32Array>;
}
