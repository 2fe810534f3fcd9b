// One attempt of a task through its runner (here, or on a cluster worker), with the
// progress it reports recorded as a local run's: runTask.ts owns the rest of the record.
import type { AttemptHooks, AttemptRunner } from './attemptRunner';
import { localAttemptRunner } from './attemptRunner';
import type { HeldStart } from './heldStart';
import type { LogWriter } from './logWriter';
import type { RunTaskInput } from './runTask';

/** One attempt through the runner, with the progress and output it reports recorded as a local run's. */
export async function runAttempt(input: RunTaskInput, attempt: number, timeoutMs: number, log: LogWriter, onStarted: AttemptHooks['onStarted'], held: HeldStart): ReturnType<AttemptRunner> {
  const { task, runId, events, store, clock } = input;
  let lastProgress = { percent: -100, at: -Infinity };
  const runner = input.runner ?? localAttemptRunner;
  return runner(
    { task, command: input.command, runId, attempt, timeoutMs, projectDir: input.projectDir, graceMs: input.graceMs, log, signal: input.signal },
    {
      onStarted,
      onOutput: (stream, text) => events.emit({ type: 'output', taskId: task.id, runId, attempt, stream, text }),
      onProgress: (percent, message) => {
        // Listeners get every line; the history gets steps of 5 points, a line a second
        // at most otherwise, and the end: a task printing progress per file must not
        // turn into thousands of commits. A recorded line is committed before anyone is
        // told of it, so a runner killed right after printing it has it on record.
        const now = clock.now();
        if (percent >= 100 || percent - lastProgress.percent >= 5 || now - lastProgress.at >= 1000) {
          lastProgress = { percent, at: now };
          try {
            // The held `started` event goes first.
            store.transaction(() => {
              held.write();
              store.recordEvent({ taskId: task.id, runId, type: 'progress', message: `${percent}% ${message}`.trim(), data: { percent }, at: now });
            });
          } catch {
            // Called from the output stream: a throw here would take the whole process down.
            // A lost progress line is only history; a record that stays broken fails the
            // attempt's end write, which the caller reports.
          }
        }
        events.emit({ type: 'progress', taskId: task.id, runId, attempt, percent, message });
      },
    },
  );
}
