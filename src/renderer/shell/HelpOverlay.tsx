// The "?" overlay listing every keyboard shortcut, grouped; closes on Esc or a click outside.
// Imports: react, components, shell/shortcuts, the ui store.
import { useEffect, useRef, type ReactElement } from 'react';
import { Icon } from '../components/Icon.tsx';
import { Kbd } from '../components/Kbd.tsx';
import { useUiStore } from './ui-store.ts';
import { SHORTCUTS, type Shortcut } from './shortcuts.ts';

const GROUPS: Shortcut['group'][] = ['Navigate', 'Traces', 'Clusters', 'Review', 'Evaluate', 'General'];

export function HelpOverlay(): ReactElement | null {
  const open = useUiStore((s) => s.helpOpen);
  const setOpen = useUiStore((s) => s.setHelpOpen);
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (open) closeRef.current?.focus();
  }, [open]);

  if (!open) return null;
  return (
    <div className="overlay" onMouseDown={(e) => e.target === e.currentTarget && setOpen(false)}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="help-title">
        <div className="dialog-header">
          <h2 id="help-title">Keyboard shortcuts</h2>
          <button ref={closeRef} type="button" className="btn btn-ghost btn-icon" onClick={() => setOpen(false)} aria-label="Close">
            <Icon name="close" />
          </button>
        </div>
        <div className="help-groups">
          {GROUPS.map((group) => (
            <section key={group}>
              <h3 className="section-label">{group}</h3>
              <dl className="help-list">
                {SHORTCUTS.filter((s) => s.group === group).map((s) => (
                  <div key={`${s.screen ?? ''}:${s.keys}`} className="help-row">
                    <dt>{s.description}</dt>
                    <dd>
                      <Kbd keys={s.keys} />
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}
