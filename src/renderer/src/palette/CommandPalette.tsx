// The command palette (Ctrl+K, Cmd+K on macOS): find a task by ID or title, then open it,
// change its status (one edit, like a drop) or run it (through the runs store, so the
// trust question is asked as for any run). A dialog with a combobox and a listbox;
// Escape closes it and focus goes back to where it was.
import { useEffect, useId, useRef, useState } from 'react';
import { STATUSES } from '../../../shared/backlog';
import type { Status, Task } from '../../../shared/backlog';
import { useSession } from '../app/storeContext';
import { useAppView } from '../app/appStore';
import { useBacklogView } from '../backlog/backlogViewStore';
import { useRuns } from '../runs/runsContext';
import { STATUS_LABEL } from '../ui/labels';
import { matchTasks } from './paletteMatch';

const NO_TASKS: Task[] = [];

interface Option {
  id: string;
  label: string;
  hint?: string;
  run(): void;
}

export function usePaletteShortcut(open: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey || e.key.toLowerCase() !== 'k') return;
      e.preventDefault();
      open();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
}

export function CommandPalette({ onClose }: { onClose(): void }) {
  const tasks = useSession((s) => s.snapshot?.tasks ?? NO_TASKS);
  const edit = useSession((s) => s.edit);
  const request = useRuns((s) => s.request);
  const { view, setView } = useAppView();
  const { openTask, jumpTo } = useBacklogView();
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<Task | null>(null);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();

  useEffect(() => {
    // Focus goes back to what had it when the palette opened.
    const before = document.activeElement as HTMLElement | null;
    inputRef.current?.focus();
    return () => before?.focus?.();
  }, []);

  function goTo(task: Task): void {
    onClose();
    if (view === 'board') openTask(task.id);
    else {
      if (view !== 'backlog') setView('backlog');
      jumpTo(task.id);
    }
  }

  // Rebuilt on every render (a keystroke): matching even 10,000 tasks is quick, and the
  // actions then always close over the current view and store.
  const options: Option[] = (() => {
    if (!chosen) {
      return matchTasks(tasks, query).map((t) => ({ id: t.id, label: `${t.id} · ${t.title}`, hint: STATUS_LABEL[t.status], run: () => pick(t) }));
    }
    const task = chosen;
    const text = query.trim().toLowerCase();
    const all: Option[] = [
      { id: 'open', label: `Go to ${task.id}`, run: () => goTo(task) },
      { id: 'run', label: `Run ${task.id}`, run: () => { onClose(); void request({ kind: 'tasks', taskIds: [task.id], parallel: 1 }); } },
      ...STATUSES.filter((s) => s !== task.status).map((s: Status) => ({
        id: `status-${s}`,
        label: `Set status: ${STATUS_LABEL[s]}`,
        run: () => { onClose(); void edit({ kind: 'setStatus', id: task.id, value: s }); },
      })),
    ];
    return text ? all.filter((o) => o.label.toLowerCase().includes(text)) : all;
  })();

  function pick(task: Task): void {
    setChosen(task);
    setQuery('');
    setActive(0);
  }

  const current = Math.min(active, Math.max(options.length - 1, 0));
  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>): void {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (options.length > 0) setActive((current + (e.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      options[current]?.run();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    } else if (e.key === 'Backspace' && query === '' && chosen) {
      setChosen(null);
      setActive(0);
    }
  }

  const optionId = (i: number) => `${listId}-option-${i}`;
  return (
    <div className="modal-backdrop palette-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="palette" role="dialog" aria-modal="true" aria-label="Command palette">
        <input
          ref={inputRef}
          className="palette-input"
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={options.length > 0 ? optionId(current) : undefined}
          aria-label={chosen ? `Action for ${chosen.id}` : 'Go to a task by ID or title'}
          placeholder={chosen ? `${chosen.id}: open, run or set status…  (Backspace: back to tasks)` : 'Task ID or title…'}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <ul className="palette-list" id={listId} role="listbox" aria-label={chosen ? `Actions for ${chosen.id}` : 'Tasks'}>
          {options.map((o, i) => (
            <li
              key={o.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === current}
              className={i === current ? 'palette-option active' : 'palette-option'}
              onMouseEnter={() => setActive(i)}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => o.run()}
            >
              <span className="palette-label">{o.label}</span>
              {o.hint && <span className="palette-hint small muted">{o.hint}</span>}
            </li>
          ))}
          {options.length === 0 && <li className="palette-empty muted" role="presentation">Nothing matches.</li>}
        </ul>
        <div className="palette-foot small muted">↑↓ choose · Enter {chosen ? 'do it' : 'pick the task'} · Esc close</div>
      </div>
    </div>
  );
}
