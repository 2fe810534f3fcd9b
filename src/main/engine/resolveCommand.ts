// Which command a task runs, and for how long at most. Pure.
//   1. `<!-- run: CMD -->`                       the task's own command
//   2. `<!-- default_executor: NAME -->`        taskdeck.json executors[NAME]
//   3. the project's defaultExecutor            taskdeck.json executors[defaultExecutor]
//   4. none: the task is manual (`taskdeck done ID` completes it)
// Timeout: `--timeout S` on the command line, else `<!-- timeout: S -->`, else the
// executor's timeout, else DEFAULT_TIMEOUT_MS.
import type { Task } from '../../shared/backlog';

export const DEFAULT_TIMEOUT_MS = 300_000;

export interface ExecutorConfig {
  executors: Readonly<Record<string, { command: string; timeout: number | null }>>;
  defaultExecutor: string | null;
}

export type CommandSource = 'run' | 'executor' | 'default-executor';

export type ResolvedCommand =
  | { kind: 'command'; command: string; timeoutMs: number; source: CommandSource; executor: string | null }
  | { kind: 'manual'; reason: string }
  | { kind: 'error'; code: 'unknown-executor'; message: string };

export function resolveCommand(task: Task, config: ExecutorConfig, overrideTimeoutS: number | null = null): ResolvedCommand {
  const metadataTimeoutMs = secondsToMs(task.metadata['timeout']);
  const pick = (executorTimeoutS: number | null): number =>
    secondsToMs(overrideTimeoutS) ?? metadataTimeoutMs ?? secondsToMs(executorTimeoutS) ?? DEFAULT_TIMEOUT_MS;

  if (task.executor?.kind === 'command') {
    return { kind: 'command', command: task.executor.command, timeoutMs: pick(null), source: 'run', executor: null };
  }
  if (task.executor?.kind === 'named') {
    const name = task.executor.name;
    const def = config.executors[name];
    if (!def) {
      const known = Object.keys(config.executors);
      return {
        kind: 'error',
        code: 'unknown-executor',
        message: `${task.id} names the executor "${name}", which taskdeck.json does not define (${known.length ? `defined: ${known.join(', ')}` : 'no executors defined'}). Add it under "executors" or give the task a <!-- run: ... --> command.`,
      };
    }
    return { kind: 'command', command: def.command, timeoutMs: pick(def.timeout), source: 'executor', executor: name };
  }
  if (config.defaultExecutor !== null) {
    const def = config.executors[config.defaultExecutor];
    if (def) return { kind: 'command', command: def.command, timeoutMs: pick(def.timeout), source: 'default-executor', executor: config.defaultExecutor };
  }
  return {
    kind: 'manual',
    reason: `${task.id} has no command (no <!-- run: ... -->, no executor, no defaultExecutor): it is manual; mark it done with \`taskdeck done ${task.id}\`.`,
  };
}

function secondsToMs(value: unknown): number | null {
  const n = typeof value === 'string' ? Number(value.trim()) : value;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? Math.round(n * 1000) : null;
}

/** Every command the backlog's tasks would run (what `taskdeck trust` trusts), in task order. */
export function commandsOf(tasks: readonly Task[], config: ExecutorConfig): { taskId: string; command: string }[] {
  return tasks.flatMap((task) => {
    const resolved = resolveCommand(task, config);
    return resolved.kind === 'command' ? [{ taskId: task.id, command: resolved.command }] : [];
  });
}
