// Puts the real core behind window.api in the page, in the same shape the preload exposes:
// invoke goes through page.exposeFunction, core events are pushed in with page.evaluate.
import type { Page } from '@playwright/test';
import type { AppEvent, Result } from '../../../src/shared/contract/index.ts';
import type { Core } from '../../../src/main/core/create-core.ts';

declare global {
  interface Window {
    __winnowInvoke?: (channel: string, input: unknown) => Promise<Result<unknown>>;
    __winnowEmit?: (event: AppEvent) => void;
  }
}

/** Call before page.goto; returns the function that stops forwarding events. */
export async function bridgeCore(page: Page, core: Core): Promise<() => void> {
  await page.exposeFunction('__winnowInvoke', (channel: string, input: unknown) => core.dispatch(channel, input));
  await page.addInitScript(() => {
    const listeners = new Set<(event: AppEvent) => void>();
    window.api = {
      invoke: (channel, input) => {
        if (!window.__winnowInvoke) throw new Error('the e2e bridge is missing');
        return window.__winnowInvoke(channel, input);
      },
      on: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    window.__winnowEmit = (event) => {
      for (const listener of listeners) listener(event);
    };
  });
  return core.events.on((event) => {
    // Events before the page loaded (or after it closed) have nobody to go to.
    page.evaluate((e) => window.__winnowEmit?.(e), event).catch(() => {});
  });
}
