import type { Session } from '../session';
import type { HandlerSlice } from './types';

export function sprintHandlers(session: Session): HandlerSlice<'sprints:save'> {
  return {
    'sprints:save': ({ sprints }) => session.saveSprints(sprints),
  };
}
