// Running tools: run_task (the task's own command through the runs controller, the path
// of the app's Run button: trust required, the same retries, timeouts and record; it
// waits for the task to finish) and get_run_log.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { BatchFinished, LiveRunEvent } from '../../../shared/api';
import type { ToolContext } from '../context';
import { answer, guarded, refuse, secs } from '../toolResult';
import { ownerArg, taskIdArg } from './args';

const TAIL_LINES = 40;

function tail(text: string, lines: number): string {
  const all = text.replace(/\n$/, '').split('\n');
  return all.slice(-lines).join('\n');
}

type Finished = Extract<LiveRunEvent, { type: 'task-finished' }>;

/** Resolves with the task's finish event, or the batch's end when the task never started. */
function awaitFinish(ctx: ToolContext, taskId: string, onEvent: (e: LiveRunEvent) => void) {
  let off: () => void = () => undefined;
  const done = new Promise<{ finished: Finished | null; batch: BatchFinished | null }>((resolve) => {
    let finished: Finished | null = null;
    off = ctx.subscribe((event, payload) => {
      if (event === 'run:event') {
        const e = payload as LiveRunEvent;
        if (e.type === 'cluster' || e.taskId !== taskId) return;
        onEvent(e);
        if (e.type === 'task-finished') finished = e;
      } else if (event === 'run:batch-finished') {
        const b = payload as BatchFinished;
        if (b.kind === 'selection' && b.taskIds?.includes(taskId)) resolve({ finished, batch: b });
      }
    });
  });
  return { done: done.finally(() => off()), off: () => off() };
}

export function registerRunningTools(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'run_task',
    {
      title: 'Run a task',
      description: 'Runs the task\'s own command (its `<!-- run: -->` or executor) through Taskdeck\'s engine, with its timeout, retries and error classification, recorded in the run history like a run from the app; waits until it finishes and answers the outcome, duration, error category and the end of its log. Only in a folder whose commands the person trusted (`taskdeck trust`); a task another agent holds is refused.',
      inputSchema: { id: taskIdArg, owner: ownerArg.optional() },
    },
    (a, extra) =>
      guarded('run_task', async () => {
        const owner = ctx.who(a.owner);
        // A task with no command (manual, human) is not run: say so, and how it is finished.
        const plan = await ctx.call('runs:plan', { taskIds: [a.id], as: { owner, session: ctx.session } });
        if (!plan.ok) return refuse(plan.error);
        const excluded = plan.value.excluded.find((x) => x.taskId === a.id);
        // Held by another agent or running already: who holds it, not how to finish it.
        if (excluded && (excluded.kind === 'claimed' || excluded.kind === 'running')) {
          return refuse({ code: 'running-elsewhere', message: `${a.id} is ${excluded.reason}; it can run once it is released or has finished.` });
        }
        if (plan.value.commands.length === 0 && excluded) {
          return refuse({ code: 'nothing-to-run', message: `Nothing to run. ${a.id}: ${excluded.reason}${/[.!]$/.test(excluded.reason) ? '' : '.'} When the work is done, finish it with complete_task.` });
        }
        const progressToken = extra._meta?.progressToken;
        let output = '';
        let step = 0;
        const waiting = awaitFinish(ctx, a.id, (e) => {
          if (e.type === 'output') output = tail(output + e.text, TAIL_LINES * 4);
          // Progress notifications keep a client's request timeout from expiring on a long run.
          if (progressToken !== undefined && (e.type === 'progress' || e.type === 'task-started' || e.type === 'retry-scheduled')) {
            const message = e.type === 'progress' ? `${e.percent}% ${e.message}` : e.type === 'task-started' ? `attempt ${e.attempt} started` : `retry ${e.nextAttempt} in ${secs(e.delayMs)}`;
            void extra.sendNotification({ method: 'notifications/progress', params: { progressToken, progress: ++step, message } }).catch(() => undefined);
          }
        });
        const started = await ctx.call('runs:start', { taskIds: [a.id], as: { owner, session: ctx.session } });
        if (!started.ok) {
          waiting.off();
          return refuse(started.error);
        }
        const { finished, batch } = await waiting.done;
        if (!finished) return refuse({ code: batch?.errorCode ?? 'not-run', message: batch?.error ?? `${a.id} did not run.` });
        const history = await ctx.call('runs:history', { taskId: a.id, limit: 1 });
        const last = history.ok ? history.value.attempts[0] : undefined;
        const log = last?.hasLog ? await ctx.call('runs:log', { attemptId: last.id }) : null;
        const logTail = tail(log?.ok ? log.value.text : output, TAIL_LINES);
        const outcome = finished.outcome;
        const text = [
          `${a.id} ${outcome} after ${finished.attempts} attempt${finished.attempts === 1 ? '' : 's'} in ${secs(finished.durationMs)}${finished.category ? ` (${finished.category})` : ''}.`,
          finished.message ?? '',
          logTail ? `Log (last lines):\n${logTail}` : 'No output.',
        ].filter((l) => l !== '').join('\n');
        return answer(text, {
          taskId: a.id,
          outcome,
          attempts: finished.attempts,
          durationMs: finished.durationMs,
          category: finished.category,
          message: finished.message,
          attemptId: last?.id ?? null,
          logTail,
        });
      }),
  );

  server.registerTool(
    'get_run_log',
    {
      title: 'Get a run log',
      description: 'The log of a task\'s latest attempt (or of one attempt by its id from get_task\'s runs or run_task), the last `lines` lines.',
      inputSchema: { id: taskIdArg, attempt_id: z.number().int().min(1).optional(), lines: z.number().int().min(1).max(5000).optional() },
      annotations: { readOnlyHint: true },
    },
    (a) =>
      guarded('get_run_log', async () => {
        const history = await ctx.call('runs:history', { taskId: a.id, limit: 200 });
        if (!history.ok) return refuse(history.error);
        const attempt = a.attempt_id === undefined ? history.value.attempts.find((x) => x.hasLog) : history.value.attempts.find((x) => x.id === a.attempt_id);
        if (!attempt) return refuse({ code: 'no-log', message: a.attempt_id === undefined ? `${a.id} has no run with a log yet.` : `${a.id} has no attempt ${a.attempt_id}.` });
        const log = await ctx.call('runs:log', { attemptId: attempt.id });
        if (!log.ok) return refuse(log.error);
        const text = tail(log.value.text, a.lines ?? 200);
        return answer(text || '(empty log)', { taskId: a.id, attemptId: attempt.id, status: attempt.status, truncated: log.value.truncated, text });
      }),
  );
}
