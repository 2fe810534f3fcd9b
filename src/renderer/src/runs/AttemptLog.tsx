// One attempt's command, recoveries and log, as the history and the task drawer show it.
import { useEffect, useState } from 'react';
import type { AttemptView } from '../../../shared/api';
import { useTransport } from '../app/storeContext';
import type { LogLine } from './liveRuns';
import { LogView } from './LogView';
import { recoveryOutcomeLabel, recoveryText } from '../../../shared/labels';

export function AttemptLog({ attempt }: { attempt: AttemptView }) {
  const transport = useTransport();
  const [lines, setLines] = useState<LogLine[] | null>(null);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void transport.call('runs:log', { attemptId: attempt.id }).then((r) => {
      if (!live) return;
      setLines(r.ok ? r.value.text.split('\n').map((text) => ({ stream: 'stdout' as const, text, at: 0 })) : []);
      setNote(r.ok ? (r.value.truncated ? 'Showing the last 256 KB.' : null) : r.error.message);
    });
    return () => {
      live = false;
    };
  }, [transport, attempt.id]);
  return (
    <div className="attempt-log">
      <div className="attempt-log-head small">
        <strong className="mono">{attempt.taskId}</strong> attempt {attempt.attempt} · <span className="mono">{attempt.command}</span>
        {attempt.recoveries.length ? <span className="muted"> · recovery: {attempt.recoveries.map((r) => `${recoveryText(r.action, r.detail)} (${recoveryOutcomeLabel(r.outcome)})`).join('; ')}</span> : null}
        {note ? <span className="muted"> · {note}</span> : null}
      </div>
      {lines ? <LogView lines={lines} version={lines.length} label={`${attempt.taskId} attempt ${attempt.attempt}`} /> : <div className="muted">Loading log…</div>}
    </div>
  );
}
