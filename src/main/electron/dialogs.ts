// The native pickers behind the `app.pickFiles` and `app.pickFolder` commands.
// Imports: electron.
import { type BrowserWindow, dialog } from 'electron';

export async function pickTraceFiles(window: BrowserWindow): Promise<{ paths: string[] }> {
  const result = await dialog.showOpenDialog(window, {
    title: 'Import traces',
    properties: ['openFile', 'multiSelections'],
    filters: [
      { name: 'Trace files', extensions: ['jsonl', 'ndjson', 'json', 'csv', 'parquet'] },
      { name: 'All files', extensions: ['*'] },
    ],
  });
  return { paths: result.canceled ? [] : result.filePaths };
}

export async function pickFolder(window: BrowserWindow, title: string | undefined): Promise<{ path: string | null }> {
  const result = await dialog.showOpenDialog(window, { title: title ?? 'Choose a folder', properties: ['openDirectory', 'createDirectory'] });
  return { path: result.canceled ? null : (result.filePaths[0] ?? null) };
}
