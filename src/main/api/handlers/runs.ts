// The run console's handlers over one run controller per session.
import type { Session } from '../session';
import type { HandlerSlice } from './types';
import { createRunController, type RunControllerOptions } from './runsController';
import { claimOwnerId } from '../../engine/claimOwner';
import { readAttemptLog, readDurationNorms, readRunHistory } from './runsHistory';
import { confirmTaskDone } from './runsConfirm';
import { readConsole, readLastRuns } from './runsState';

type RunMethod =
  | 'runs:plan' | 'runs:trust' | 'runs:start' | 'runs:auto' | 'runs:cancel' | 'runs:cancel-all'
  | 'runs:active' | 'runs:norms' | 'runs:history' | 'runs:log' | 'runs:confirm' | 'runs:latest' | 'runs:console';

const noProject = { ok: false, error: { code: 'no-project', message: 'No project is open. Open a project folder first.' } } as const;

export function runHandlers(session: Session, options: RunControllerOptions = {}): HandlerSlice<RunMethod> {
  const runs = createRunController(session, options);
  const now = options.now ?? Date.now;
  const dir = (): string | null => session.current()?.dir ?? null;
  return {
    'runs:plan': ({ as, ...args }) => runs.plan(args, as ? claimOwnerId(as.owner, as.session) : null),
    'runs:trust': ({ commands }) => runs.trust(commands),
    'runs:start': ({ taskIds, parallel, as }) => runs.start(taskIds, parallel ?? 1, as),
    'runs:auto': (opts) => runs.auto(opts),
    'runs:cancel': async ({ taskId }) => ({ ok: true, value: { cancelled: runs.cancel(taskId) } }),
    'runs:cancel-all': async () => ({ ok: true, value: { cancelled: runs.cancelAll() } }),
    'runs:active': async () => ({ ok: true, value: runs.active() }),
    'runs:norms': async () => {
      const d = dir();
      return d ? readDurationNorms(d, now()) : noProject;
    },
    'runs:history': async (filter) => {
      const d = dir();
      return d ? readRunHistory(d, filter) : noProject;
    },
    'runs:log': async ({ attemptId }) => {
      const d = dir();
      return d ? readAttemptLog(d, attemptId) : noProject;
    },
    'runs:latest': async () => {
      const d = dir();
      return d ? readLastRuns(d, runs.liveTasks()) : noProject;
    },
    'runs:console': async () => {
      const d = dir();
      if (!d) return noProject;
      const backlog = await session.loadedBacklog();
      const titles = new Map(backlog.ok ? backlog.value.tasks.map((t) => [t.id, t.title]) : []);
      return readConsole(d, runs.liveTasks(), runs.active().auto, (id) => titles.get(id) ?? '');
    },
    'runs:confirm': async ({ taskId, by }) => {
      const d = dir();
      return d ? confirmTaskDone(d, taskId, by, now()) : noProject;
    },
  };
}
