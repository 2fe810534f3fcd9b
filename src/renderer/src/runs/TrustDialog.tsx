// The first run in a folder: say exactly which commands would run before trusting it.
import { useEffect, useRef } from 'react';
import { useRuns } from './runsContext';

export function TrustDialog() {
  const pending = useRuns((s) => s.pendingTrust);
  const trustAndRun = useRuns((s) => s.trustAndRun);
  const dismiss = useRuns((s) => s.dismissTrust);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (pending) cancelRef.current?.focus();
  }, [pending]);
  if (!pending) return null;
  const { plan } = pending;
  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && dismiss()}>
      <div className="modal trust-dialog" role="dialog" aria-modal="true" aria-labelledby="trust-title">
        <h2 id="trust-title">Trust this folder?</h2>
        <p>
          Taskdeck has not run anything in <span className="mono">{plan.projectDir}</span> yet. Running tasks executes the commands
          written in its backlog on your computer, with your permissions.
        </p>
        <p className="muted small">These {plan.commands.length} command{plan.commands.length === 1 ? '' : 's'} would run now:</p>
        <ol className="trust-commands mono" aria-label="Commands that will run">
          {plan.commands.map((c) => (
            <li key={c.taskId}>
              <span className="trust-task">{c.taskId}</span> {c.command}
            </li>
          ))}
        </ol>
        <div className="form-actions">
          <button type="button" ref={cancelRef} onClick={dismiss}>
            Cancel
          </button>
          <button type="button" className="primary" onClick={() => void trustAndRun()}>
            Trust folder and run
          </button>
        </div>
      </div>
    </div>
  );
}
