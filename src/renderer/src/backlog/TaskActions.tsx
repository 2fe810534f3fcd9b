// Archive and delete, from the task drawer. Both are one edit with undo (the notice offers
// it); a delete that others depend on asks first, and then also removes those references.
import { useState } from 'react';
import type { TaskRef } from '../../../shared/api';
import { useSession } from '../app/storeContext';

export function TaskActions({ id, dependents, onGone }: { id: string; dependents: TaskRef[]; onGone(): void }) {
  const plan = useSession((s) => s.plan);
  const writing = useSession((s) => s.writing);
  const [confirming, setConfirming] = useState(false);
  const needers = dependents.filter((d) => d.exists).map((d) => d.id);
  const remove = async (force: boolean) => {
    const result = await plan('task:remove', { id, ...(force ? { force } : {}) });
    setConfirming(false);
    if (result.ok) onGone();
  };
  return (
    <div className="task-actions">
      <button type="button" disabled={writing} onClick={() => void plan('task:archive', { id })} title="Move it to the Archive (or Completed) section of the file">
        Archive
      </button>
      <button type="button" className="danger" disabled={writing} onClick={() => (needers.length > 0 ? setConfirming(true) : void remove(false))}>
        Delete
      </button>
      {confirming && (
        <div className="callout warn" role="alertdialog" aria-label="Delete a task others depend on">
          <p>
            {needers.join(', ')} {needers.length === 1 ? 'depends' : 'depend'} on {id}. Delete it and remove {needers.length === 1 ? 'that dependency' : 'those dependencies'} too?
          </p>
          <div className="form-actions">
            <button type="button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
            <button type="button" className="danger" onClick={() => void remove(true)}>
              Delete anyway
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
