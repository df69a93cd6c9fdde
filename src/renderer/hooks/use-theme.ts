// Applies the theme preference to <html data-theme>; `system` leaves it to prefers-color-scheme in CSS.
// Imports: react and the ui store.
import { useEffect } from 'react';
import { useUiStore } from '../shell/ui-store.ts';

export function useTheme(): void {
  const theme = useUiStore((s) => s.theme);
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);
}
