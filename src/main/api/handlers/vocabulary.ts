import type { Session } from '../session';
import type { HandlerSlice } from './types';

export function vocabularyHandlers(session: Session): HandlerSlice<'vocabulary:map'> {
  return {
    'vocabulary:map': ({ kind, word, value }) => session.mapWord(kind, word, value),
  };
}
