// Locates ../shared/data beside the repository; tests that need it skip with a message when it is absent.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedDataDir = resolve(repoRoot, '../shared/data');
export const hasSharedData = existsSync(sharedDataDir);

export function sharedFile(...parts: string[]): string {
  return join(sharedDataDir, ...parts);
}

if (!hasSharedData) console.warn(`[skip] ${sharedDataDir} is absent: tests over the shared data sets are skipped`);
