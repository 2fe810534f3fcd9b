// Quiet in-page toasts in the bottom-right corner: a run started from another view (with a
// way to watch it), a long auto run finished (Electron also shows a Notification), and why
// a run could not start. Small, stacked, closable; the informational ones leave by
// themselves, a warning stays until closed; a long list hides behind "Show the list".
import { useEffect, useState } from 'react';
import { useAppView } from '../app/appStore';
import { useRuns } from './runsContext';
import type { Toast } from './runsStore';

const INFO_MS = 8000;

function ToastItem({ toast, onDismiss, onWatch }: { toast: Toast; onDismiss(): void; onWatch: (() => void) | null }) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (toast.tone !== 'ok') return;
    const timer = setTimeout(onDismiss, INFO_MS);
    return () => clearTimeout(timer);
  }, [toast.id]);
  return (
    <div className={`toast ${toast.tone}`} role={toast.tone === 'warn' ? 'alert' : undefined}>
      <div className="toast-body">
        <span className="toast-text" title={toast.text}>{toast.text}</span>
        {toast.details && toast.details.length > 0 ? (
          <button type="button" className="toast-action" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? 'Hide the list' : `Show the list (${toast.details.length})`}
          </button>
        ) : null}
        {open && toast.details ? (
          <ul className="toast-details">
            {toast.details.map((d, i) => <li key={i}>{d}</li>)}
          </ul>
        ) : null}
      </div>
      {onWatch ? (
        <button type="button" className="toast-action" onClick={onWatch}>
          Watch
        </button>
      ) : null}
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}

export function RunToasts() {
  const toasts = useRuns((s) => s.toasts);
  const dismiss = useRuns((s) => s.dismissToast);
  const error = useRuns((s) => s.error);
  const clearError = useRuns((s) => s.clearError);
  const { view, setView } = useAppView();
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {/* The run console shows errors in place; elsewhere they come here. */}
      {error && view !== 'runs' ? (
        <div className="toast warn" role="alert">
          <div className="toast-body">
            <span className="toast-text" title={error}>{error}</span>
          </div>
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={clearError}>×</button>
        </div>
      ) : null}
      {toasts.filter((t) => !(t.showRuns && view === 'runs')).map((t) => (
        <ToastItem
          key={t.id}
          toast={t}
          onDismiss={() => dismiss(t.id)}
          onWatch={t.showRuns && view !== 'runs' ? () => { setView('runs'); dismiss(t.id); } : null}
        />
      ))}
    </div>
  );
}
