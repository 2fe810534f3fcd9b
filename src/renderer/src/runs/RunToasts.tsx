// Quiet in-page toasts: a run started from another view (with a way to watch it), a long
// auto run finished (Electron also shows a Notification), and why a run could not start.
import { useEffect } from 'react';
import { useAppView } from '../app/appStore';
import { useRuns } from './runsContext';

export function RunToasts() {
  const toasts = useRuns((s) => s.toasts);
  const dismiss = useRuns((s) => s.dismissToast);
  const error = useRuns((s) => s.error);
  const clearError = useRuns((s) => s.clearError);
  const { view, setView } = useAppView();
  useEffect(() => {
    if (toasts.length === 0) return;
    const timer = setTimeout(() => dismiss(toasts[0]!.id), 8000);
    return () => clearTimeout(timer);
  }, [toasts, dismiss]);
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {/* The run console shows errors in place; elsewhere they come here. */}
      {error && view !== 'runs' ? (
        <div className="toast warn" role="alert">
          <span>{error}</span>
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={clearError}>×</button>
        </div>
      ) : null}
      {toasts.filter((t) => !(t.showRuns && view === 'runs')).map((t) => (
        <div key={t.id} className={`toast ${t.tone}`}>
          <span>{t.text}</span>
          {t.showRuns && view !== 'runs' ? (
            <button type="button" className="toast-action" onClick={() => { setView('runs'); dismiss(t.id); }}>
              Watch
            </button>
          ) : null}
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => dismiss(t.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
