// Ctrl+K (Cmd+K): find a task by ID or title, then open it, change its status or run it.
// Enter on a task opens it; → (or Tab) shows what else can be done with it.
import { useEffect, useMemo, useRef, useState } from 'react';
import { STATUSES } from '../../../shared/backlog';
import type { Status, Task } from '../../../shared/backlog';
import { useBacklogView } from '../backlog/backlogViewStore';
import { useRuns } from '../runs/runsContext';
import { STATUS_LABEL } from '../ui/labels';
import { useAppView } from './appStore';
import { paletteMatches } from './paletteMatches';
import { useSession } from './storeContext';

type Action = { label: string; run(): void };

export function CommandPalette() {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(0);
  const [task, setTask] = useState<Task | null>(null);
  const tasks = useSession((s) => s.snapshot?.tasks);
  const edit = useSession((s) => s.edit);
  const request = useRuns((s) => s.request);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setOpen(true);
        setQuery('');
        setTask(null);
        setSelected(0);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    if (open) inputRef.current?.focus();
  }, [open, task]);

  const matches = useMemo(() => (tasks && open && task === null ? paletteMatches(tasks, query) : []), [tasks, open, task, query]);
  if (!open || !tasks) return null;
  const close = () => setOpen(false);
  const goTo = (t: Task) => {
    close();
    useAppView.getState().setView('backlog');
    useBacklogView.getState().jumpTo(t.id);
  };
  const actions: Action[] = task
    ? [
        { label: `Open ${task.id}`, run: () => goTo(task) },
        { label: `Run ${task.id}`, run: () => (close(), void request({ kind: 'tasks', taskIds: [task.id], parallel: 1 })) },
        ...STATUSES.filter((s) => s !== task.status).map((s: Status) => ({
          label: `Set status: ${STATUS_LABEL[s]}`,
          run: () => (close(), void edit({ kind: 'setStatus', id: task.id, value: s })),
        })),
      ].filter((a) => a.label.toLowerCase().includes(query.trim().toLowerCase()))
    : [];
  const count = task ? actions.length : matches.length;
  const choose = (index: number) => {
    if (task) actions[index]?.run();
    else if (matches[index]) goTo(matches[index]);
  };
  const showActions = (t: Task | undefined) => {
    if (!t) return;
    setTask(t);
    setQuery('');
    setSelected(0);
  };
  return (
    <div className="modal-backdrop palette-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div className="modal palette" role="dialog" aria-modal="true" aria-label="Command palette">
        <input
          ref={inputRef}
          role="combobox"
          aria-expanded="true"
          aria-controls="palette-list"
          aria-label={task ? `What to do with ${task.id}` : 'Find a task by ID or title'}
          placeholder={task ? `${task.id}: open, run, or set a status…` : 'Go to a task: ID or title…'}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setSelected(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              if (task) setTask(null);
              else close();
            } else if (e.key === 'ArrowDown') {
              e.preventDefault();
              setSelected((i) => Math.min(count - 1, i + 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setSelected((i) => Math.max(0, i - 1));
            } else if (e.key === 'Enter') {
              e.preventDefault();
              choose(selected);
            } else if (!task && (e.key === 'Tab' || (e.key === 'ArrowRight' && e.currentTarget.selectionStart === query.length))) {
              e.preventDefault();
              showActions(matches[selected]);
            } else if (task && e.key === 'Backspace' && query === '') {
              setTask(null);
            }
          }}
        />
        <ul id="palette-list" role="listbox" className="palette-list">
          {task
            ? actions.map((a, i) => (
                <li key={a.label} role="option" aria-selected={i === selected} onMouseDown={(e) => (e.preventDefault(), a.run())}>
                  {a.label}
                </li>
              ))
            : matches.map((t, i) => (
                <li key={t.id} role="option" aria-selected={i === selected} onMouseDown={(e) => (e.preventDefault(), goTo(t))}>
                  <span className="mono">{t.id}</span> <span>{t.title}</span> <span className="muted small">{STATUS_LABEL[t.status]}</span>
                </li>
              ))}
          {count === 0 && <li className="muted">{task ? 'No such action.' : 'No task matches.'}</li>}
        </ul>
        <p className="muted small palette-hint">↑↓ choose · Enter {task ? 'does it' : 'opens'} · {task ? 'Esc goes back' : 'Tab or → for status and run'}</p>
      </div>
    </div>
  );
}
