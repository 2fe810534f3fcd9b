// Human-required tasks are never run by the app: a person confirms they are done, and
// the history records who and when.
import { useState } from 'react';
import type { Task } from '../../../shared/backlog';
import type { ConfirmationView } from '../../../shared/contract/runs';
import { useTransport } from '../app/storeContext';
import { localTimeText } from '../../../shared/timeText';

const NAME_KEY = 'taskdeck.confirmName';

export function HumanConfirm({ tasks, confirmations, onConfirmed }: { tasks: Task[]; confirmations: ConfirmationView[]; onConfirmed(): void }) {
  const transport = useTransport();
  const [asking, setAsking] = useState<string | null>(null);
  const [name, setName] = useState(() => localStorage.getItem(NAME_KEY) ?? '');
  const [error, setError] = useState<string | null>(null);
  const open = tasks.filter((t) => t.humanRequired && t.status !== 'done' && t.status !== 'skipped');
  if (open.length === 0 && confirmations.length === 0) return null;
  return (
    <section className="panel human-panel" aria-labelledby="human-title">
      <h3 id="human-title">Needs a person</h3>
      {open.length === 0 ? <p className="muted small">No human-required task is waiting.</p> : null}
      <ul className="human-list">
        {open.map((t) => (
          <li key={t.id}>
            <span className="mono">{t.id}</span> <span>{t.title}</span>
            {t.humanReason ? <span className="muted small"> — {t.humanReason}</span> : null}
            <span className="spacer" />
            {asking === t.id ? (
              <form
                className="confirm-form"
                onSubmit={(e) => {
                  e.preventDefault();
                  localStorage.setItem(NAME_KEY, name.trim());
                  void transport.call('runs:confirm', { taskId: t.id, by: name.trim() }).then((r) => {
                    setError(r.ok ? null : r.error.message);
                    if (r.ok) {
                      setAsking(null);
                      onConfirmed();
                    }
                  });
                }}
              >
                <input aria-label="Your name" placeholder="Your name" value={name} required onChange={(e) => setName(e.target.value)} autoFocus />
                <button type="submit" className="primary" disabled={!name.trim()}>Confirm done</button>
                <button type="button" onClick={() => setAsking(null)}>Cancel</button>
              </form>
            ) : (
              <button type="button" onClick={() => setAsking(t.id)}>Confirm done…</button>
            )}
          </li>
        ))}
      </ul>
      {error ? <p className="error-text">{error}</p> : null}
      {confirmations.length > 0 ? (
        <ul className="confirmations small muted" aria-label="Confirmations">
          {confirmations.slice(0, 5).map((c) => (
            <li key={`${c.taskId}-${c.at}`}>
              {c.taskId} confirmed done by <strong>{c.by}</strong> on {localTimeText(c.at)}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
