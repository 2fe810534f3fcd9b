import { useEffect } from 'react';
import { useSession } from './storeContext';

/** The result of the last action, read out by screen readers; info fades, problems stay. */
export function NoticeBar() {
  const notice = useSession((s) => s.notice);
  const dismiss = useSession((s) => s.dismissNotice);
  const undo = useSession((s) => s.undo);
  useEffect(() => {
    if (!notice || notice.kind !== 'info') return;
    // A notice that offers Undo stays long enough to reach the button.
    const timer = setTimeout(dismiss, notice.undoable ? 8000 : 4000);
    return () => clearTimeout(timer);
  }, [notice, dismiss]);
  return (
    <div className="notice-region" aria-live="polite" role="status">
      {notice && (
        <div className={`notice ${notice.kind}`} key={notice.id}>
          <span>{notice.text}</span>
          {notice.undoable && (
            <button type="button" className="link-button notice-undo" onClick={() => void undo()}>
              Undo
            </button>
          )}
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={dismiss}>
            ✕
          </button>
        </div>
      )}
    </div>
  );
}
