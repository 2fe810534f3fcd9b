// Starts one attempt of one task as a process: the command through the shell (see
// spawnCommand.ts) with the task in its environment, reading the protocol lines it
// prints. The one way a task's command is run: by a local run and by a cluster worker
// (src/main/cluster/worker.ts) alike.
import type { Task } from '../../shared/backlog';
import type { ErrorCategory } from '../core/errors/types';
import type { LogWriter } from './logWriter';
import { parseProtocolLine } from './protocol';
import { spawnCommand, type OutputStream, type SpawnResult } from './spawnCommand';

export interface ReportedError {
  category: ErrorCategory;
  message: string;
}

export interface TaskProcessInput {
  task: Task;
  command: string;
  runId: string;
  attempt: number;
  projectDir: string;
  timeoutMs: number;
  graceMs: number;
  log: LogWriter | null;
  onOutput?: (stream: OutputStream, text: string) => void;
  onProgress?: (percent: number, message: string) => void;
}

export interface TaskProcessOutcome {
  result: SpawnResult;
  /** The last `::error category=...::` line the task printed, if any. */
  reported: ReportedError | null;
}

export interface TaskProcess {
  /** The process group id (its shell's pid); null when it could not start. */
  readonly pid: number | null;
  cancel(): void;
  readonly outcome: Promise<TaskProcessOutcome>;
}

export function startTaskProcess(input: TaskProcessInput): TaskProcess {
  const { task, runId, attempt } = input;
  let reported: ReportedError | null = null;
  const running = spawnCommand({
    command: input.command,
    cwd: input.projectDir,
    env: {
      ...process.env,
      TASKDECK_TASK_ID: task.id,
      TASKDECK_TASK_TITLE: task.title,
      TASKDECK_TASK_JSON: taskJson(task),
      TASKDECK_RUN_ID: runId,
      TASKDECK_ATTEMPT: String(attempt),
      TASKDECK_PROJECT_DIR: input.projectDir,
    },
    timeoutMs: input.timeoutMs,
    graceMs: input.graceMs,
    log: input.log,
    onOutput: input.onOutput,
    onLine: (_stream, line) => {
      const parsed = parseProtocolLine(line);
      if (parsed?.kind === 'progress') input.onProgress?.(parsed.percent, parsed.message);
      else if (parsed?.kind === 'error') reported = { category: parsed.category, message: parsed.message };
    },
  });
  return {
    pid: running.pid,
    cancel: () => running.cancel(),
    outcome: running.result.then((result) => ({ result, reported })),
  };
}

/**
 * The task as JSON for TASKDECK_TASK_JSON. Linux refuses one environment string over
 * 128 KiB (E2BIG), so a task with a huge description goes without its long text fields.
 */
function taskJson(task: Task): string {
  const full = JSON.stringify(task);
  if (full.length <= 100_000) return full;
  return JSON.stringify({ ...task, description: '', techFootprint: '', dependencyNotes: '', metadata: {}, truncated: true });
}
