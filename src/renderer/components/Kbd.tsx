// A keyboard key hint; a space in `keys` means "then" (g t).
// Imports: react only.
import type { ReactElement } from 'react';

export function Kbd({ keys }: { keys: string }): ReactElement {
  return (
    <span className="kbd-group">
      {keys.split(' ').map((k, i) => (
        <kbd key={i} className="kbd">
          {k}
        </kbd>
      ))}
    </span>
  );
}
