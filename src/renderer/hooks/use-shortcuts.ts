// Installs the global key handler for SHORTCUTS, including two-key sequences like `g t`.
// Imports: react, shell/shortcuts and the ui store (shortcuts may belong to one screen).
import { useEffect } from 'react';
import { SHORTCUTS, closeTopmost } from '../shell/shortcuts.ts';
import { useUiStore } from '../shell/ui-store.ts';

const SEQUENCE_TIMEOUT_MS = 1200;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useShortcuts(): void {
  useEffect(() => {
    let prefix = '';
    let prefixAt = 0;

    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey) return;
      if (e.metaKey || e.ctrlKey) {
        // Chords (Ctrl+Z) only outside fields: in a field they keep their native meaning.
        if (isTyping(e.target) || e.key.length !== 1) return;
        const chord = `Ctrl+${e.key.toLowerCase()}`;
        const screen = useUiStore.getState().screen;
        const match = SHORTCUTS.find((s) => s.keys === chord && (s.screen === undefined || s.screen === screen));
        if (match) {
          e.preventDefault();
          prefix = '';
          match.run();
        }
        return;
      }
      if (e.key === 'Escape') {
        // In a field, Esc first leaves the field; a second Esc closes panels.
        if (isTyping(e.target) && e.target instanceof HTMLElement) e.target.blur();
        else closeTopmost();
        return;
      }
      if (isTyping(e.target)) return;

      const now = Date.now();
      const seq = prefix && now - prefixAt < SEQUENCE_TIMEOUT_MS ? `${prefix} ${e.key}` : e.key;
      const screen = useUiStore.getState().screen;
      const match = SHORTCUTS.find((s) => s.keys === seq && (s.screen === undefined || s.screen === screen));
      if (match) {
        e.preventDefault();
        prefix = '';
        match.run();
        return;
      }
      if (SHORTCUTS.some((s) => s.keys.startsWith(`${e.key} `))) {
        prefix = e.key;
        prefixAt = now;
        return;
      }
      prefix = '';
    };

    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
