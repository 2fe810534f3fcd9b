import type { Session } from '../session';
import type { HandlerSlice } from './types';
import { taskDetail } from './taskDetail';

export function backlogHandlers(session: Session): HandlerSlice<'backlog:get' | 'task:get' | 'backlog:edit' | 'backlog:undo'> {
  return {
    'backlog:get': () => session.snapshot(),
    'task:get': ({ id }) => taskDetail(session, id),
    'backlog:edit': ({ edit, expectedHash }) => session.edit(edit, expectedHash),
    'backlog:undo': () => session.undo(),
  };
}
