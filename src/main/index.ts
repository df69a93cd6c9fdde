// Composition root of the desktop app: one core over the user's data folder, one window, the IPC bridge.
// Imports: electron, the core, the Electron adapters. Holds no logic of its own.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow } from 'electron';
import { createCore } from './core/create-core.ts';
import { defaultDataDir } from './core/platform/data-dir.ts';
import { pickFolder, pickTraceFiles } from './electron/dialogs.ts';
import { connectIpc } from './electron/ipc-transport.ts';
import { safeStorageBox } from './electron/safe-storage-box.ts';
import { createMainWindow } from './electron/main-window.ts';

const outDir = dirname(fileURLToPath(import.meta.url));

if (!app.requestSingleInstanceLock()) app.quit();

app.whenReady().then(() => {
  let window: BrowserWindow | null = null;
  const core = createCore({
    dataDir: defaultDataDir(),
    secrets: safeStorageBox() ?? undefined,
    shell: {
      'app.pickFiles': () => (window ? pickTraceFiles(window) : { paths: [] }),
      'app.pickFolder': ({ title }) => (window ? pickFolder(window, title) : { path: null }),
    },
  });
  window = createMainWindow(outDir);
  const disconnect = connectIpc(core, window);
  app.on('second-instance', () => window?.focus());
  app.on('window-all-closed', () => {
    disconnect();
    void core.close().finally(() => app.quit());
  });
});
