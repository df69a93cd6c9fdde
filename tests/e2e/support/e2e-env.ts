// The lifecycle every browser test shares: the built renderer served on 127.0.0.1 once per file, and for
// each test a fresh temp folder with a real core, bridged into the page as the preload would.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Page, test } from '@playwright/test';
import { type Core, type CoreOptions, createCore } from '../../../src/main/core/create-core.ts';
import { bridgeCore } from './core-bridge.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

export interface E2eEnv {
  /** Valid inside a test: the core over this test's temp folder. */
  core: Core;
  tmp: string;
  url: string;
  /** Puts the core behind window.api in the page; call before page.goto. */
  bridge(page: Page): Promise<void>;
}

export function useE2eEnv(options: Omit<CoreOptions, 'dataDir'> = {}): E2eEnv {
  let server: StaticServer | undefined;
  let stopEvents: () => void = () => {};
  const env = {
    bridge: async (page: Page) => {
      stopEvents = await bridgeCore(page, env.core);
    },
  } as E2eEnv;
  test.beforeAll(async () => {
    server = await serveStatic(resolve('out/renderer'));
    env.url = server.url;
  });
  test.afterAll(async () => {
    await server?.close();
  });
  test.beforeEach(() => {
    env.tmp = mkdtempSync(join(tmpdir(), 'winnow-e2e-'));
    env.core = createCore({ dataDir: join(env.tmp, 'data'), ...options });
  });
  test.afterEach(async () => {
    stopEvents();
    stopEvents = () => {};
    await env.core?.close();
    rmSync(env.tmp, { recursive: true, force: true });
  });
  return env;
}
