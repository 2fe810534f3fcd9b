// Add, edit, archive and remove: each one edit through the session (one write queue,
// undo, backlog:changed), the same path as every other edit.
import type { Session } from '../session';
import type { HandlerSlice } from './types';

export function planHandlers(session: Session): HandlerSlice<'task:add' | 'task:edit' | 'task:archive' | 'task:remove'> {
  return {
    async 'task:add'({ task, place, id, expectedHash }) {
      // The ID is chosen inside the write queue, from the version the edit applies to.
      const result = await session.edit({ kind: 'addTask', id: id ?? '', task, ...(place ? { place } : {}) }, expectedHash);
      if (!result.ok) return result;
      return { ok: true, value: { ...result.value, id: result.value.taskId ?? id ?? '' } };
    },
    'task:edit': ({ id, fields, expectedHash }) => session.edit({ kind: 'editTask', id, fields }, expectedHash),
    'task:archive': ({ id, expectedHash }) => session.edit({ kind: 'archiveTask', id }, expectedHash),
    'task:remove': ({ id, force, expectedHash }) => session.edit({ kind: 'removeTask', id, ...(force ? { force } : {}) }, expectedHash),
  };
}
