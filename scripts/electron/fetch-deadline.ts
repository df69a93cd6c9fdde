// Preloaded (node --import) into Electron's installer: every fetch must get the server's first answer within a
// deadline, and a failed fetch says why. Imports: nothing.
// Without it a mirror or proxy that accepts the connection and then stays silent holds the installer for
// undici's five-minute header timeout, and "fetch failed" hides the cause (DNS, refused, TLS).

const answerTimeoutMs = Number(process.env.WINNOW_ELECTRON_ANSWER_TIMEOUT_MS) || 15_000;
const plainFetch = globalThis.fetch;

function target(input: Parameters<typeof fetch>[0]): string {
  return input instanceof Request ? input.url : String(input);
}

globalThis.fetch = async (input, init) => {
  const url = target(input);
  const deadline = new AbortController();
  const timer = setTimeout(
    () => deadline.abort(new Error(`no answer within ${answerTimeoutMs / 1000} s for ${new URL(url).host}`)),
    answerTimeoutMs,
  );
  const signal = init?.signal ? AbortSignal.any([init.signal, deadline.signal]) : deadline.signal;
  try {
    // The deadline covers the answer only: once headers arrive the body streams for as long as it takes.
    return await plainFetch(input, { ...init, signal });
  } catch (err) {
    if (deadline.signal.aborted) throw deadline.signal.reason;
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : null;
    throw cause ? new Error(`could not reach ${new URL(url).host}: ${cause}`) : err;
  } finally {
    clearTimeout(timer);
  }
};
