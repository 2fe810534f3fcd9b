// The handler table over the services, the dispatch function and the session, for every
// transport (Electron IPC, the web host, tests). Nothing here imports electron.
import type { HandlerTable } from './handlers/types';
import { projectHandlers } from './handlers/project';
import { backlogHandlers } from './handlers/backlog';
import { sprintHandlers } from './handlers/sprints';
import { runHandlers } from './handlers/runs';
import { analyticsHandlers } from './handlers/analytics';
import { reportHandlers } from './handlers/reports';
import { vocabularyHandlers } from './handlers/vocabulary';
import { planHandlers } from './handlers/plan';
import { agentHandlers } from './handlers/agents';
import { createSession } from './session';
import type { Session } from './session';
import { realServices } from './realServices';

export { dispatch } from './dispatch';
export type { HandlerTable } from './handlers/types';
export type { Session } from './session';
export type { EventListener } from './events';

/** The whole table. A method missing here is a type error, as is one the contract lacks. */
export function createHandlers(session: Session): HandlerTable {
  return {
    ...projectHandlers(session),
    ...backlogHandlers(session),
    ...sprintHandlers(session),
    ...runHandlers(session),
    ...analyticsHandlers(session),
    ...reportHandlers(session),
    ...vocabularyHandlers(session),
    ...planHandlers(session),
    ...agentHandlers(session),
  };
}

/** A session over the real services, optionally opening a project right away. */
export async function createAppSession(options: { projectDir?: string; watch?: boolean } = {}) {
  const session = createSession({ services: realServices(), watch: options.watch });
  const opened = options.projectDir ? await session.open(options.projectDir) : null;
  return { session, handlers: createHandlers(session), opened };
}

export { createSession };
