// Which screen is shown, overlays, and the theme preference; the screen is mirrored in the URL hash.
// Imports: zustand only.
import { create } from 'zustand';

export const SCREENS = ['traces', 'clusters', 'datasets', 'review', 'evaluate', 'jobs', 'settings'] as const;
export type Screen = (typeof SCREENS)[number];
export type ThemePreference = 'system' | 'light' | 'dark';

const THEME_KEY = 'winnow.theme';

function screenFromHash(): Screen {
  const name = typeof location === 'undefined' ? '' : location.hash.replace(/^#\/?/, '');
  return (SCREENS as readonly string[]).includes(name) ? (name as Screen) : 'traces';
}

function storedTheme(): ThemePreference {
  try {
    const v = localStorage.getItem(THEME_KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

/** Something a shortcut asked a screen to focus; `seq` makes a repeated request a new value. */
export type FocusTarget = 'search' | 'import-path';

interface UiState {
  screen: Screen;
  helpOpen: boolean;
  theme: ThemePreference;
  focusRequest: { target: FocusTarget; seq: number } | null;
  go(screen: Screen): void;
  requestFocus(target: FocusTarget): void;
  setHelpOpen(open: boolean): void;
  setTheme(theme: ThemePreference): void;
}

export const useUiStore = create<UiState>()((set) => ({
  screen: screenFromHash(),
  helpOpen: false,
  theme: storedTheme(),
  focusRequest: null,
  requestFocus(target) {
    set((s) => ({ focusRequest: { target, seq: (s.focusRequest?.seq ?? 0) + 1 } }));
  },
  go(screen) {
    // The hash keeps the screen across reloads without a router.
    if (location.hash !== `#/${screen}`) history.replaceState(null, '', `#/${screen}`);
    set({ screen });
  },
  setHelpOpen(helpOpen) {
    set({ helpOpen });
  },
  setTheme(theme) {
    try {
      if (theme === 'system') localStorage.removeItem(THEME_KEY);
      else localStorage.setItem(THEME_KEY, theme);
    } catch {
      // Storage can be unavailable (private mode); the choice then lasts for this session only.
    }
    set({ theme });
  },
}));
