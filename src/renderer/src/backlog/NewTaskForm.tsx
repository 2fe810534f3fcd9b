// "New task": title, priority, points, status, sprint, dependencies, description (Markdown
// with a preview) and a run command. One edit writes it where the file's open tasks are,
// the way its neighbours are written; the drawer then opens on the new task.
import { useEffect, useRef, useState } from 'react';
import type { Status } from '../../../shared/backlog';
import { useSession } from '../app/storeContext';
import { useAppView } from '../app/appStore';
import { PriorityOptions, StatusOptions } from '../ui/FieldOptions';
import type { KnownPriority } from '../../../shared/vocabulary';
import { useBacklogView } from './backlogViewStore';
import { MarkdownField } from './InlineEditors';
import { useNewTaskForm } from './newTaskStore';
import type { NewTask } from './planTypes';


export function NewTaskForm() {
  const { open, hide } = useNewTaskForm();
  const snapshot = useSession((s) => s.snapshot);
  const plan = useSession((s) => s.plan);
  const writing = useSession((s) => s.writing);
  const [title, setTitle] = useState('');
  const [priority, setPriority] = useState<KnownPriority>('medium');
  const [points, setPoints] = useState('');
  const [status, setStatus] = useState<Status>('todo');
  const [sprint, setSprint] = useState('');
  const [depends, setDepends] = useState('');
  const [description, setDescription] = useState('');
  const [run, setRun] = useState('');
  const [error, setError] = useState<string | null>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!open) return;
    setError(null);
    titleRef.current?.focus();
  }, [open]);
  if (!open || !snapshot) return null;
  const reset = () => {
    setTitle('');
    setPoints('');
    setDepends('');
    setDescription('');
    setRun('');
    setSprint('');
    setStatus('todo');
    setPriority('medium');
  };
  const submit = async () => {
    if (title.trim() === '') return setError('A new task needs a title.');
    const n = Number(points);
    if (points.trim() !== '' && !(Number.isFinite(n) && n >= 0)) return setError('Points must be a number of at least 0.');
    const task: NewTask = {
      title: title.trim(),
      priority,
      status,
      ...(points.trim() !== '' ? { points: n } : {}),
      ...(sprint ? { sprint } : {}),
      ...(depends.trim() ? { dependencies: depends.split(/[\s,]+/).filter(Boolean).map((d) => d.toUpperCase()) } : {}),
      ...(description.trim() ? { description } : {}),
      ...(run.trim() ? { run: run.trim() } : {}),
    };
    const result = await plan('task:add', { task }, { quiet: true });
    if (!result.ok) return setError(result.error.message);
    reset();
    hide();
    useAppView.getState().setView('backlog');
    useBacklogView.getState().jumpTo(result.value.id);
  };
  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && hide()}>
      <form
        className="modal new-task-form"
        role="dialog"
        aria-modal="true"
        aria-labelledby="new-task-title"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h2 id="new-task-title">New task</h2>
        <label>
          Title
          <input ref={titleRef} value={title} onChange={(e) => setTitle(e.target.value)} placeholder="What needs doing" />
        </label>
        <div className="form-row">
          <label>
            Priority
            <select value={priority} onChange={(e) => setPriority(e.target.value as KnownPriority)}>
              <PriorityOptions />
            </select>
          </label>
          <label>
            Points
            <input type="number" min={0} step={0.5} value={points} onChange={(e) => setPoints(e.target.value)} />
          </label>
          <label>
            Status
            <select value={status} onChange={(e) => setStatus(e.target.value as Status)}>
              <StatusOptions />
            </select>
          </label>
          <label>
            Sprint
            <select value={sprint} onChange={(e) => setSprint(e.target.value)}>
              <option value="">No sprint</option>
              {snapshot.sprints.map((s) => (
                <option key={s.name} value={s.name}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label>
          Depends on
          <input value={depends} onChange={(e) => setDepends(e.target.value)} placeholder="IDs, comma-separated: B-101, B-102" />
        </label>
        <div className="form-label">Description</div>
        <MarkdownField label="Description" value={description} onChange={setDescription} />
        <label>
          Run command (optional)
          <input className="mono" value={run} onChange={(e) => setRun(e.target.value)} placeholder="npm test" />
        </label>
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="button" onClick={hide}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={writing}>
            Add task
          </button>
        </div>
      </form>
    </div>
  );
}
