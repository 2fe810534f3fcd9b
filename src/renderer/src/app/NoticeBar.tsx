import { useEffect } from 'react';
import { useSession } from './storeContext';

/** The result of the last action, read out by screen readers; info fades, problems stay. */
export function NoticeBar() {
  const notice = useSession((s) => s.notice);
  const dismiss = useSession((s) => s.dismissNotice);
  useEffect(() => {
    if (!notice || notice.kind !== 'info') return;
    const timer = setTimeout(dismiss, 4000);
    return () => clearTimeout(timer);
  }, [notice, dismiss]);
  return (
    <div className="notice-region" aria-live="polite" role="status">
      {notice && (
        <div className={`notice ${notice.kind}`} key={notice.id}>
          <span>{notice.text}</span>
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={dismiss}>
            ✕
          </button>
        </div>
      )}
    </div>
  );
}
