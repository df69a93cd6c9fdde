// A modal dialog frame for the dataset tools: title, close button, Esc and a click outside close it.
// Imports: react, components.
import { useEffect, useRef, type ReactElement, type ReactNode } from 'react';
import { Icon } from '../../components/Icon.tsx';

export function DatasetDialog({ title, onClose, children, testId }: { title: string; onClose: () => void; children: ReactNode; testId: string }): ReactElement {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeRef.current?.focus();
    // Capture before the global shortcut handler so one Esc closes only the dialog.
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      onClose();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [onClose]);
  return (
    <div className="overlay" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="dialog dataset-dialog" role="dialog" aria-modal="true" aria-label={title} data-testid={testId}>
        <div className="dialog-header">
          <h2>{title}</h2>
          <button ref={closeRef} type="button" className="btn btn-ghost btn-icon" onClick={onClose} aria-label="Close">
            <Icon name="close" />
          </button>
        </div>
        {children}
      </div>
    </div>
  );
}
