// Adds a dependency: tasks are offered by ID and title, and one that would close a
// dependency cycle is refused with the path. (Removing is on the drawer's list.)
import { useMemo, useState } from 'react';
import type { Task } from '../../../shared/backlog';
import { cycleReason } from './dependencyCycle';

export function DependencyPicker({ task, tasks, disabled, onChange }: { task: Task; tasks: readonly Task[]; disabled: boolean; onChange(deps: string[]): void }) {
  const [query, setQuery] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const options = useMemo(() => tasks.filter((t) => t.id !== task.id && !task.dependencies.includes(t.id)), [tasks, task]);
  const add = () => {
    const wanted = query.trim().split(/\s/)[0]?.toUpperCase() ?? '';
    const target = options.find((t) => t.id === wanted) ?? options.find((t) => t.title.toLowerCase() === query.trim().toLowerCase());
    if (!target) {
      setProblem(wanted === task.id ? `${task.id} cannot depend on itself.` : `No task ${query.trim()} to depend on.`);
      return;
    }
    const reason = cycleReason(tasks, task.id, target.id);
    if (reason) {
      setProblem(reason);
      return;
    }
    setProblem(null);
    setQuery('');
    onChange([...task.dependencies, target.id]);
  };
  return (
    <div className="dep-picker">
      <div className="dep-add">
        <input
          list={`dep-options-${task.id}`}
          aria-label="Add a dependency"
          placeholder="Add a dependency: ID or title"
          value={query}
          disabled={disabled}
          onChange={(e) => {
            setQuery(e.target.value);
            setProblem(null);
          }}
          onKeyDown={(e) => e.key === 'Enter' && add()}
        />
        <datalist id={`dep-options-${task.id}`}>
          {options.map((t) => (
            <option key={t.id} value={`${t.id} ${t.title}`} />
          ))}
        </datalist>
        <button type="button" disabled={disabled || query.trim() === ''} onClick={add}>
          Add
        </button>
      </div>
      {problem && (
        <p className="error-text small" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
