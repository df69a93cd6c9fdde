// Where Winnow keeps its data when nobody says otherwise: the same folder for the window and the CLI.
// Imports: node:os, node:path. Mirrors Electron's userData path for an app named "Winnow".
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Winnow';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.WINNOW_DATA) return env.WINNOW_DATA;
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}
