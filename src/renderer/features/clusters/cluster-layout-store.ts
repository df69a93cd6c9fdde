// The Clusters screen's layout the user chose: the list's and the panel's widths and whether the map is
// enlarged, remembered across sessions in localStorage. Imports: zustand, pane-sizes.
import { create } from 'zustand';
import { DEFAULT_WIDTHS, type PaneWidths } from './pane-sizes.ts';

const KEY = 'winnow.clusters.layout';

interface Stored extends PaneWidths {
  mapExpanded: boolean;
}

function load(): Stored {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<Stored> | null;
    const num = (x: unknown, d: number) => (typeof x === 'number' && Number.isFinite(x) ? x : d);
    return { list: num(v?.list, DEFAULT_WIDTHS.list), panel: num(v?.panel, DEFAULT_WIDTHS.panel), mapExpanded: v?.mapExpanded === true };
  } catch {
    return { ...DEFAULT_WIDTHS, mapExpanded: false };
  }
}

function save(s: Stored): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(s));
  } catch {
    // Storage can be unavailable (private mode); the layout then lasts for this session only.
  }
}

interface LayoutState extends Stored {
  setWidth(pane: keyof PaneWidths, width: number): void;
  resetWidth(pane: keyof PaneWidths): void;
  toggleMap(): void;
}

export const useClusterLayoutStore = create<LayoutState>()((set, get) => {
  const persist = () => {
    const { list, panel, mapExpanded } = get();
    save({ list, panel, mapExpanded });
  };
  return {
    ...load(),
    setWidth(pane, width) {
      set({ [pane]: width } as Pick<Stored, typeof pane>);
      persist();
    },
    resetWidth(pane) {
      set({ [pane]: DEFAULT_WIDTHS[pane] } as Pick<Stored, typeof pane>);
      persist();
    },
    toggleMap() {
      set((s) => ({ mapExpanded: !s.mapExpanded }));
      persist();
    },
  };
});
