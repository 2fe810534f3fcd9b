// Run state where people plan: each task's last run (for the board, the backlog and their
// filters) and the run console as it is now (to rebuild it after a reload). Both come
// from the record and the running engine, never guessed by a page.
import { z } from 'zod';
import { method } from './method';

export type LastRunOutcome = 'running' | 'retrying' | 'succeeded' | 'failed' | 'timeout' | 'cancelled' | 'interrupted';

/** A task's latest run: its last attempt's outcome, or running/retrying while it goes on. */
export interface LastRun {
  taskId: string;
  runId: string;
  outcome: LastRunOutcome;
  /** When it ended, or when its current attempt started while it runs (epoch ms). */
  at: number;
  attempt: number;
  category: string | null;
  message: string | null;
}

export interface ConsoleLine {
  stream: 'stdout' | 'stderr' | 'info';
  text: string;
  at: number;
}

/** One row of the run console, as the page draws it (the shape of its live rows). */
export interface ConsoleTask {
  taskId: string;
  title: string;
  command: string;
  attempt: number;
  maxAttempts: number | null;
  startedAt: number;
  percent: number | null;
  message: string;
  status: 'running' | 'retrying' | 'succeeded' | 'failed' | 'timeout' | 'cancelled' | 'interrupted';
  retry: { nextAttempt: number; maxAttempts: number | null; at: number; delayMs: number; category: string } | null;
  durationMs: number | null;
  /** The tail of the run's log, with a line per attempt marker. */
  lines: ConsoleLine[];
}

export interface ConsoleState {
  /** The running tasks and the last batch's runs, most recently started first. */
  tasks: ConsoleTask[];
  auto: boolean;
}

export const runStateMethods = {
  /** Each task's last run, one entry per task that ever ran. */
  'runs:latest': method<LastRun[]>()(z.object({})),
  /** The run console now: running tasks and the last batch from the record, with their logs. */
  'runs:console': method<ConsoleState>()(z.object({})),
} as const;
