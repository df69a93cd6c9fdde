// The colour scheme in effect (the user's theme choice, else the system's), for canvas drawing that
// cannot use CSS colours. Imports: react, the ui store, the palette's scheme type.
import { useEffect, useState } from 'react';
import { useUiStore } from '../../shell/ui-store.ts';
import type { ColorScheme } from './palette.ts';

const DARK_QUERY = '(prefers-color-scheme: dark)';

export function useColorScheme(): ColorScheme {
  const theme = useUiStore((s) => s.theme);
  const [systemDark, setSystemDark] = useState(() => typeof matchMedia !== 'undefined' && matchMedia(DARK_QUERY).matches);
  useEffect(() => {
    const query = matchMedia(DARK_QUERY);
    const onChange = () => setSystemDark(query.matches);
    onChange();
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  if (theme === 'light' || theme === 'dark') return theme;
  return systemDark ? 'dark' : 'light';
}
