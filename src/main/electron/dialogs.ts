// The native file picker behind the `app.pickFiles` command.
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
