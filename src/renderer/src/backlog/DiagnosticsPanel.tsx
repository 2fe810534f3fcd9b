// The reader's and the graph's findings, grouped by severity, each a link to its task.
import { useState } from 'react';
import type { Diagnostic, Task } from '../../../shared/backlog';
import { WordFix } from './WordFix';

import { diagnosticLabel } from '../../../shared/labels';

/** The word an unknown-status or unknown-priority diagnostic is about, to offer its fix. */
function unknownWord(d: Diagnostic, tasks: readonly Task[]): { kind: 'status' | 'priority'; raw: string } | null {
  if ((d.code !== 'unknown-status' && d.code !== 'unknown-priority') || !d.taskId) return null;
  const task = tasks.find((t) => t.id === d.taskId);
  if (!task) return null;
  const kind = d.code === 'unknown-status' ? 'status' : 'priority';
  const raw = kind === 'status' ? task.statusRaw : task.priorityRaw;
  return raw.trim() === '' ? null : { kind, raw };
}

export function DiagnosticsPanel({ diagnostics, tasks = [], onJump }: { diagnostics: Diagnostic[]; tasks?: readonly Task[]; onJump(taskId: string): void }) {
  const [open, setOpen] = useState(true);
  if (diagnostics.length === 0) return null;
  const order = { error: 0, warning: 1, info: 2 } as const;
  const sorted = [...diagnostics].sort((a, b) => order[a.severity] - order[b.severity] || (a.line ?? 0) - (b.line ?? 0));
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return (
    <section className="diagnostics" aria-label="Diagnostics">
      <button type="button" className="diag-header" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span>Diagnostics</span>
        {counts.error > 0 && <span className="chip sev-error">{counts.error} errors</span>}
        {counts.warning > 0 && <span className="chip sev-warning">{counts.warning} warnings</span>}
        {counts.info > 0 && <span className="chip sev-info">{counts.info} notes</span>}
        <span className="caret" aria-hidden="true">{open ? '▾' : '▸'}</span>
      </button>
      {open && (
        <ul className="diag-list">
          {sorted.map((d, i) => {
            const word = unknownWord(d, tasks);
            return (
              <li key={i} className={`sev-${d.severity}`}>
                <span className="diag-line mono">{d.line === null ? 'file' : `L${d.line}`}</span>
                <span className="diag-code">{diagnosticLabel(d.code)}</span>
                <span className="diag-msg">
                  {d.cycle ? d.cycle.join(' → ') : d.message}
                  {word && <WordFix kind={word.kind} raw={word.raw} />}
                </span>
                {d.taskId && (
                  <button type="button" className="link-button mono" onClick={() => onJump(d.taskId!)}>
                    {d.taskId}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
