// Status, priority and sprint of one task, editable in place. Each change is one edit of
// the file; the drawer then shows the re-read task.
import type { Priority, SprintDef, Status, Task } from '../../../shared/backlog';
import { useSession } from '../app/storeContext';
import { PriorityOptions, StatusOptions } from '../ui/FieldOptions';

export function TaskFieldEditor({ task, sprints }: { task: Task; sprints: readonly SprintDef[] }) {
  const edit = useSession((s) => s.edit);
  const writing = useSession((s) => s.writing);
  const sprintNames = sprints.map((s) => s.name);
  if (task.sprint !== null && !sprintNames.includes(task.sprint)) sprintNames.push(task.sprint);
  return (
    <div className="field-editor">
      <label>
        Status
        <select value={task.status} disabled={writing} onChange={(e) => void edit({ kind: 'setStatus', id: task.id, value: e.target.value as Status })}>
          <StatusOptions />
        </select>
      </label>
      <label>
        Priority
        <select
          value={task.priority}
          disabled={writing}
          onChange={(e) => void edit({ kind: 'setPriority', id: task.id, value: e.target.value as Exclude<Priority, 'unknown'> })}
        >
          {task.priority === 'unknown' && <option value="unknown">—</option>}
          <PriorityOptions />
        </select>
      </label>
      <label>
        Sprint
        <select value={task.sprint ?? ''} disabled={writing} onChange={(e) => void edit({ kind: 'setSprint', id: task.id, value: e.target.value || null })}>
          <option value="">No sprint</option>
          {sprintNames.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
