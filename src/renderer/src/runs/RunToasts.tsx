// Quiet in-page toasts when a long auto run finishes (Electron also shows a Notification).
import { useEffect } from 'react';
import { useRuns } from './runsContext';

export function RunToasts() {
  const toasts = useRuns((s) => s.toasts);
  const dismiss = useRuns((s) => s.dismissToast);
  useEffect(() => {
    if (toasts.length === 0) return;
    const timer = setTimeout(() => dismiss(toasts[0]!.id), 8000);
    return () => clearTimeout(timer);
  }, [toasts, dismiss]);
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast ${t.tone}`}>
          <span>{t.text}</span>
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => dismiss(t.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
