// Creates the main window with the security defaults and loads the renderer (dev server or built files).
// Imports: electron, node:path, security.
import { join } from 'node:path';
import { BrowserWindow, nativeTheme } from 'electron';
import { hardenSession, lockNavigation, secureWebPreferences } from './security.ts';

export function createMainWindow(outDir: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Winnow',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#16181d' : '#ffffff',
    webPreferences: secureWebPreferences(join(outDir, '../preload/index.cjs')),
  });
  const devServer = process.env.ELECTRON_RENDERER_URL;
  hardenSession(window.webContents.session, Boolean(devServer));
  lockNavigation(window.webContents);
  window.once('ready-to-show', () => window.show());
  if (devServer) void window.loadURL(devServer);
  else void window.loadFile(join(outDir, '../renderer/index.html'));
  return window;
}
