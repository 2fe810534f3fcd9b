// Where one attempt of a task runs. runTask.ts owns the attempt's record (rows, events,
// classification, retries); an AttemptRunner only runs it and reports back. The local
// runner spawns it here; the cluster runner (src/main/cluster/clusterRunner.ts) has a
// worker on another machine spawn it with the same startTaskProcess.
import type { Task } from '../../shared/backlog';
import type { ErrorCategory } from '../core/errors/types';
import type { LogWriter } from './logWriter';
import type { OutputStream, SpawnResult } from './spawnCommand';
import { startTaskProcess, type ReportedError } from './taskProcess';

export interface AttemptRequest {
  task: Task;
  command: string;
  runId: string;
  attempt: number;
  timeoutMs: number;
  projectDir: string;
  graceMs: number;
  log: LogWriter;
  signal: AbortSignal;
}

export interface AttemptStart {
  pgid: number | null;
  worker: string | null;
  workerPid?: number | null;
  /** How long ago it started, when the runner learns of the start late (a short remote task). */
  startedAgoMs?: number;
}

export interface AttemptHooks {
  /**
   * The attempt's process exists now: called once, before any output or progress.
   * `pgid` is a local process group (null when remote); `worker` names the cluster
   * worker (null when local). May throw (the record could not be written): the runner
   * then stops the attempt and rethrows.
   */
  onStarted(start: AttemptStart): void;
  onOutput(stream: OutputStream, text: string): void;
  onProgress(percent: number, message: string): void;
}

export type AttemptOutput =
  | { kind: 'ran'; result: SpawnResult; reported: ReportedError | null }
  /** It never ran: a worker refused it (unknown task, other command, not trusted). */
  | { kind: 'refused'; worker: string; reason: string; category: ErrorCategory }
  /** It started but its runner vanished (a worker killed, Redis lost the job). */
  | { kind: 'interrupted'; reason: string; durationMs: number };

export type AttemptRunner = (request: AttemptRequest, hooks: AttemptHooks) => Promise<AttemptOutput>;

export const localAttemptRunner: AttemptRunner = async (request, hooks) => {
  const running = startTaskProcess({
    task: request.task,
    command: request.command,
    runId: request.runId,
    attempt: request.attempt,
    projectDir: request.projectDir,
    timeoutMs: request.timeoutMs,
    graceMs: request.graceMs,
    log: request.log,
    onOutput: hooks.onOutput,
    onProgress: hooks.onProgress,
  });
  try {
    hooks.onStarted({ pgid: running.pid, worker: null });
  } catch (err) {
    // The record could not be written (a locked or broken database): never leave a task
    // running that nothing records or watches.
    running.cancel();
    await running.outcome;
    throw err;
  }
  const onAbort = (): void => running.cancel();
  request.signal.addEventListener('abort', onAbort, { once: true });
  if (request.signal.aborted) running.cancel();
  const { result, reported } = await running.outcome;
  request.signal.removeEventListener('abort', onAbort);
  return { kind: 'ran', result, reported };
};
