// A task in full: description (Markdown), dependencies and dependents as links, what
// blocks it, the comment metadata, and its runs when the history has them. Re-read from
// the backend whenever the file changes, so it never shows a stale task.
import { useEffect, useMemo, useState } from 'react';
import type { ApiError, TaskDetail, TaskRef } from '../../../shared/api';
import { useSession, useTransport } from '../app/storeContext';
import { Markdown } from '../markdown/Markdown';
import { StatusChip } from '../ui/Chips';
import type { SprintDef } from '../../../shared/backlog';
import { TaskFieldEditor } from './TaskFieldEditor';
import { DependencyPicker } from './DependencyPicker';
import { InlineDescription, InlinePoints, InlineText } from './InlineEditors';
import { TaskActions } from './TaskActions';
import type { TaskFieldChanges } from './planTypes';
import { RunTaskButton } from '../runs/RunTaskButton';
import { TaskRunList } from '../runs/TaskRunList';
import { errorCategoryLabel, runOutcomeLabel } from '../../../shared/labels';
import { plural } from '../../../shared/pluralise';

const NO_SPRINTS: SprintDef[] = [];

function RefList({ refs, onOpen, empty, onRemove }: { refs: TaskRef[]; onOpen(id: string): void; empty: string; onRemove?: (id: string) => void }) {
  if (refs.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="ref-list">
      {refs.map((r) => (
        <li key={r.id}>
          {r.exists ? (
            <button type="button" className="link-button mono" onClick={() => onOpen(r.id)}>
              {r.id}
            </button>
          ) : (
            <span className="mono missing" title="No task defines this id">
              {r.id}
            </span>
          )}
          <span className="ref-title">{r.exists ? r.title : 'missing'}</span>
          {r.status && <StatusChip status={r.status} />}
          {onRemove && (
            <button type="button" className="icon-button" aria-label="Remove dependency" title={`Stop depending on ${r.id}`} onClick={() => onRemove(r.id)}>
              ✕
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Headings often start with emoji that many fonts lack; the words are what matter here. */
function plainHeading(text: string): string {
  return text.replace(/[\p{Extended_Pictographic}\uFE0F]/gu, '').trim();
}

function formatValue(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export function TaskDrawer({ id, onClose, onOpen }: { id: string; onClose(): void; onOpen(id: string): void }) {
  const transport = useTransport();
  const hash = useSession((s) => s.snapshot?.hash);
  const sprints = useSession((s) => s.snapshot?.sprints ?? NO_SPRINTS);
  const tasks = useSession((s) => s.snapshot?.tasks);
  // IDs named in the description open their task, like the dependency links below.
  const taskLinks = useMemo(() => ({ ids: new Set((tasks ?? []).map((t) => t.id)), open: onOpen }), [tasks, onOpen]);
  const plan = useSession((s) => s.plan);
  const writing = useSession((s) => s.writing);
  const save = (fields: TaskFieldChanges) => void plan('task:edit', { id, fields });
  const [detail, setDetail] = useState<TaskDetail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let live = true;
    void transport.call('task:get', { id }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setDetail(r.value);
        setError(null);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [transport, id, hash]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Escape in a field being edited cancels that edit, not the drawer.
      const target = e.target as HTMLElement | null;
      if (target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const task = detail?.task.id === id ? detail.task : null;
  const meta = task ? Object.entries(task.metadata) : [];
  return (
    <aside className="drawer" aria-label={`Task ${id}`}>
      <header className="drawer-head">
        <span className="mono drawer-id">{id}</span>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          ✕
        </button>
      </header>
      {error && <p className="error-text">{error.message}</p>}
      {task && detail && (
        <div className="drawer-body">
          <h2 className="drawer-title">
            <InlineText label="Title" value={task.title} disabled={writing} onSave={(title) => save({ title })} />
          </h2>
          <div className="drawer-chips">
            <InlinePoints value={task.points} disabled={writing} onSave={(points) => save({ points })} />
            {task.sprint && <span className="chip neutral">Sprint {task.sprint}</span>}
            {task.scoreTotal !== null && <span className="chip neutral">Score {task.scoreTotal}</span>}
            {task.humanRequired && <span className="chip human">Needs a person</span>}
            <RunTaskButton taskId={task.id} version={hash ?? undefined} />
          </div>
          <TaskFieldEditor task={task} sprints={sprints} />
          <p className="muted small">
            {task.section.map(plainHeading).join(' › ')} · line {task.line}
          </p>
          {task.humanReason && <p className="callout">{task.humanReason}</p>}
          <h3 className="drawer-section">Description</h3>
          <InlineDescription value={detail.descriptionMarkdown ?? task.description} disabled={writing} taskLinks={taskLinks} onSave={(description) => save({ description })} />
          {task.techFootprint && (
            <>
              <h3 className="drawer-section">Tech footprint</h3>
              <Markdown text={task.techFootprint} taskLinks={taskLinks} />
            </>
          )}
          <h3 className="drawer-section">Depends on</h3>
          <RefList
            refs={detail.dependencies}
            onOpen={onOpen}
            empty="No dependencies."
            onRemove={writing ? undefined : (dep) => save({ dependencies: task.dependencies.filter((d) => d !== dep) })}
          />
          {tasks && <DependencyPicker task={task} tasks={tasks} disabled={writing} onChange={(dependencies) => save({ dependencies })} />}
          {task.dependencyNotes && <p className="muted small">Notes: {task.dependencyNotes}</p>}
          {detail.blockers.chain.length > 0 && (
            <p className="callout warn">
              Waiting on {plural(detail.blockers.chain.length, 'unfinished task')}:{' '}
              <span className="mono">{detail.blockers.chain.join(' → ')}</span>
            </p>
          )}
          <h3 className="drawer-section">Needed by</h3>
          <RefList refs={detail.dependents} onOpen={onOpen} empty="No task depends on this one." />
          <TaskActions id={task.id} dependents={detail.dependents} onGone={onClose} />
          {(meta.length > 0 || task.executor) && (
            <>
              <h3 className="drawer-section">Metadata</h3>
              <dl className="meta">
                {task.executor && (
                  <>
                    <dt>run</dt>
                    <dd className="mono">{task.executor.kind === 'command' ? task.executor.command : `executor ${task.executor.name}`}</dd>
                  </>
                )}
                {meta.map(([k, v]) => (
                  <div key={k} className="meta-row">
                    <dt>{k}</dt>
                    <dd>{formatValue(v)}</dd>
                  </div>
                ))}
              </dl>
            </>
          )}
          <h3 className="drawer-section">Runs</h3>
          {detail.runs === null ? (
            <p className="muted">No run history for this project yet.</p>
          ) : detail.runs.length === 0 ? (
            <p className="muted">This task has not run yet.</p>
          ) : (
            <TaskRunList taskId={task.id} />
          )}
        </div>
      )}
    </aside>
  );
}
