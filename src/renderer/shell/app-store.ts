// App-level facts from app.info (version, data folder, trace and row counts) and whether they loaded.
// Imports: zustand, the api client, shared contract types.
import { create } from 'zustand';
import { api, errorMessage } from '../api/index.ts';
import type { CommandOutput } from '../../shared/contract/index.ts';

export type AppInfo = CommandOutput<'app.info'>;

interface AppState {
  info: AppInfo | null;
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  loadInfo(): Promise<void>;
}

export const useAppStore = create<AppState>()((set) => ({
  info: null,
  status: 'loading',
  error: null,
  async loadInfo() {
    try {
      const info = await api().invoke('app.info', {});
      set({ info, status: 'ready', error: null });
    } catch (err) {
      set((s) => ({ status: s.info ? 'ready' : 'error', error: errorMessage(err) }));
    }
  },
}));
