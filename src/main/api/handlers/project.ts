import type { Session } from '../session';
import type { HandlerSlice } from './types';

export function projectHandlers(session: Session): HandlerSlice<'project:open' | 'project:current'> {
  return {
    'project:open': ({ dir }) => session.open(dir),
    'project:current': async () => ({ ok: true, value: session.current() }),
  };
}
