// Before anything runs: say exactly which commands are new to Taskdeck's trust in this
// folder (all of them the first time; afterwards those added or changed in the backlog
// since the user last trusted it), and trust only those.
import { useEffect, useRef } from 'react';
import { useRuns } from './runsContext';
import { plural } from '../../../shared/pluralise';

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
  const shown = plan.untrusted;
  const n = shown.length;
  const first = !plan.folderTrusted;
  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && dismiss()}>
      <div className="modal trust-dialog" role="dialog" aria-modal="true" aria-labelledby="trust-title">
        <h2 id="trust-title">{first ? 'Trust this folder?' : 'Trust changed commands?'}</h2>
        {first ? (
          <p>
            Taskdeck has not run anything in <span className="mono">{plan.projectDir}</span> yet. Running tasks executes the commands
            written in its backlog on your computer, with your permissions.
          </p>
        ) : (
          <p>
            The backlog of <span className="mono">{plan.projectDir}</span> has commands you have not trusted yet: added or changed since
            you last trusted this folder. Taskdeck runs only commands you trusted.
          </p>
        )}
        <p className="muted small">
          {n === 1 ? `This run may start this ${first ? 'command' : 'new or changed command'}:` : `This run may start these ${plural(n, first ? 'command' : 'new or changed command')}:`}
        </p>
        <ol className="trust-commands mono" aria-label="Commands that will run">
          {shown.map((c) => (
            <li key={`${c.taskId}:${c.command}`}>
              {!first && <span className="trust-change">{c.change === 'changed' ? 'changed' : 'new'}</span>}{' '}
              <span className="trust-task">{c.taskId}</span> {c.command}
            </li>
          ))}
        </ol>
        <div className="form-actions">
          <button type="button" ref={cancelRef} onClick={dismiss}>
            Cancel
          </button>
          <button type="button" className="primary" onClick={() => void trustAndRun()}>
            {first ? 'Trust folder and run' : 'Trust these commands and run'}
          </button>
        </div>
      </div>
    </div>
  );
}
