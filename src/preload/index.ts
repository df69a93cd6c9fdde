// The only bridge between the sandboxed window and main: `window.api = { invoke, on }` for contract channels.
// Dropped files are turned into paths here (the page cannot see paths) and imported with default options.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { IPC_EVENT, IPC_INVOKE, type WinnowBridge } from '../shared/bridge.ts';
import type { AppEvent, Result } from '../shared/contract/index.ts';

const api: WinnowBridge = {
  invoke: (channel: string, input: unknown) => ipcRenderer.invoke(IPC_INVOKE, String(channel), input) as Promise<Result<unknown>>,
  on: (listener: (event: AppEvent) => void) => {
    const handler = (_event: Electron.IpcRendererEvent, payload: AppEvent): void => listener(payload);
    ipcRenderer.on(IPC_EVENT, handler);
    return () => ipcRenderer.off(IPC_EVENT, handler);
  },
};

contextBridge.exposeInMainWorld('api', api);

window.addEventListener('dragover', (event) => event.preventDefault());
window.addEventListener('drop', (event) => {
  event.preventDefault();
  const paths = Array.from(event.dataTransfer?.files ?? [])
    .map((file) => webUtils.getPathForFile(file))
    .filter((path) => path.length > 0);
  if (paths.length > 0) void ipcRenderer.invoke(IPC_INVOKE, 'imports.start', { paths });
});
