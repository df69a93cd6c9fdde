// Carries contract commands and events between the window and the core over two IPC channels.
// Imports: electron, the core's types, shared bridge constants. Validation happens in the core's router.
import { type BrowserWindow, ipcMain } from 'electron';
import { IPC_EVENT, IPC_INVOKE } from '../../shared/bridge.ts';
import type { Core } from '../core/create-core.ts';

export function connectIpc(core: Core, window: BrowserWindow): () => void {
  ipcMain.handle(IPC_INVOKE, async (event, channel: unknown, input: unknown) => {
    // Only our own window may call the core; a frame from anywhere else gets nothing.
    if (event.sender !== window.webContents || event.senderFrame?.parent) {
      return { ok: false, error: { code: 'invalid_input', message: 'commands are accepted from the main window only' } };
    }
    if (typeof channel !== 'string') return { ok: false, error: { code: 'invalid_input', message: 'channel must be a string' } };
    return core.dispatch(channel, input);
  });
  const stop = core.events.on((event) => {
    if (!window.isDestroyed()) window.webContents.send(IPC_EVENT, event);
  });
  return () => {
    stop();
    ipcMain.removeHandler(IPC_INVOKE);
  };
}
