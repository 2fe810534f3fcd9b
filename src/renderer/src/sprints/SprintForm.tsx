// Create or edit a sprint (name, dates, capacity); saving writes taskdeck.json.
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { SprintDef } from '../../../shared/backlog';
import { useSession } from '../app/storeContext';
import { upsertSprint } from './sprintLoad';

export function SprintForm({ sprint, onDone }: { sprint: SprintDef | null; onDone(): void }) {
  const sprints = useSession((s) => s.snapshot?.sprints ?? []);
  const save = useSession((s) => s.saveSprints);
  const [name, setName] = useState(sprint?.name ?? '');
  const [start, setStart] = useState(sprint?.start ?? '');
  const [end, setEnd] = useState(sprint?.end ?? '');
  const [capacity, setCapacity] = useState(sprint?.capacity === null || sprint === null ? '' : String(sprint.capacity));
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const next: SprintDef = { name: name.trim(), start: start || null, end: end || null, capacity: capacity === '' ? null : Number(capacity) };
    if (!next.name) return setError('A sprint needs a name.');
    if (sprint?.name !== next.name && sprints.some((s) => s.name === next.name)) return setError(`There is already a sprint named ${next.name}.`);
    const failed = await save(upsertSprint(sprints, sprint?.name ?? null, next));
    if (failed) setError(failed.message);
    else onDone();
  }

  async function remove() {
    if (!sprint) return;
    const failed = await save(sprints.filter((s) => s.name !== sprint.name));
    if (failed) setError(failed.message);
    else onDone();
  }

  return (
    <div className="modal-backdrop" role="presentation" onMouseDown={(e) => e.target === e.currentTarget && onDone()}>
      <form className="modal" aria-label={sprint ? `Edit sprint ${sprint.name}` : 'New sprint'} onSubmit={(e) => void submit(e)}>
        <h2>{sprint ? 'Edit sprint' : 'New sprint'}</h2>
        <label>
          Name
          <input autoFocus value={name} onChange={(e) => setName(e.target.value)} placeholder="2026-S49" />
        </label>
        <div className="form-row">
          <label>
            Start
            <input type="date" value={start} onChange={(e) => setStart(e.target.value)} />
          </label>
          <label>
            End
            <input type="date" value={end} onChange={(e) => setEnd(e.target.value)} />
          </label>
        </div>
        <label>
          Capacity (points)
          <input type="number" min={0} step="any" value={capacity} onChange={(e) => setCapacity(e.target.value)} />
        </label>
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        <p className="muted small">Saved to taskdeck.json; tasks keep their sprint comments. Renaming a sprint does not rename it in the backlog.</p>
        <div className="form-actions">
          {sprint && (
            <button type="button" className="danger" onClick={() => void remove()}>
              Remove
            </button>
          )}
          <span className="spacer" />
          <button type="button" onClick={onDone}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Save
          </button>
        </div>
      </form>
    </div>
  );
}
