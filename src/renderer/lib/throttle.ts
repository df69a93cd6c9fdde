// Leading-and-trailing throttle for bursts of events (data.changed during an import).
// Imports: nothing.

export function throttle(fn: () => void, ms: number): { (): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = 0;
  let pending = false;
  const run = () => {
    last = Date.now();
    pending = false;
    fn();
  };
  const throttled = () => {
    const wait = ms - (Date.now() - last);
    if (wait <= 0 && !timer) return run();
    pending = true;
    timer ??= setTimeout(() => {
      timer = null;
      if (pending) run();
    }, Math.max(wait, 0));
  };
  throttled.cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    pending = false;
  };
  return throttled;
}
