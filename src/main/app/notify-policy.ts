// Whether a finished batch of runs deserves a desktop notification. A short run finishes
// while the user is still looking; only a long `auto` (or a long selection that finished
// while the window was in the background) is worth interrupting them for. The batch
// arrives as the contract's `run:batch-finished` event.
import { durationText } from '../../shared/timeText';

export const LONG_RUN_MS = 60_000;

export interface FinishedRunSummary {
  kind: 'auto' | 'selection';
  durationMs: number;
  succeeded: number;
  failed: number;
  notStarted: number;
}

export interface NotifyContext {
  windowFocused: boolean;
  thresholdMs?: number;
}

export function shouldNotifyRunFinished(run: FinishedRunSummary, context: NotifyContext): boolean {
  const threshold = context.thresholdMs ?? LONG_RUN_MS;
  if (!Number.isFinite(run.durationMs) || run.durationMs < 0) return false;
  // Nothing ran (cancelled before starting, or nothing was ready): nothing to announce.
  if (run.succeeded + run.failed === 0) return false;
  if (run.kind === 'auto') return run.durationMs >= threshold;
  return !context.windowFocused && run.durationMs >= threshold;
}

export function runFinishedMessage(run: FinishedRunSummary): { title: string; body: string } {
  const parts = [`${run.succeeded} succeeded`];
  if (run.failed > 0) parts.push(`${run.failed} failed`);
  if (run.notStarted > 0) parts.push(`${run.notStarted} not started`);
  const what = run.kind === 'auto' ? 'Auto run' : 'Run';
  const title = run.failed > 0 ? `Taskdeck: ${what} finished with failures` : `Taskdeck: ${what} finished`;
  return { title, body: `${parts.join(', ')} in ${durationText(run.durationMs)}.` };
}


export interface RaisedAlert {
  rule: string;
  taskId: string;
  message: string;
}

/** The threshold alerts a `run:batch-finished` event carries (checked by shape); none when absent. */
export function alertsFromEvent(name: string, payload: unknown): RaisedAlert[] {
  if (name !== 'run:batch-finished' || typeof payload !== 'object' || payload === null) return [];
  const list = (payload as Record<string, unknown>)['alerts'];
  if (!Array.isArray(list)) return [];
  return list.filter((a): a is RaisedAlert => typeof a === 'object' && a !== null && ['rule', 'taskId', 'message'].every((k) => typeof (a as Record<string, unknown>)[k] === 'string'));
}

/** One desktop notification for a batch's alerts: every alert is worth interrupting for. */
export function alertsMessage(alerts: readonly RaisedAlert[]): { title: string; body: string } | null {
  if (alerts.length === 0) return null;
  const title = alerts.length === 1 ? 'Taskdeck: alert' : `Taskdeck: ${alerts.length} alerts`;
  const shown = alerts.slice(0, 3).map((a) => a.message);
  return { title, body: shown.join('\n') + (alerts.length > 3 ? `\n… and ${alerts.length - 3} more (taskdeck check)` : '') };
}

/**
 * Reads the summary from a backend event, if it is `run:batch-finished`. The payload is
 * checked by shape rather than trusted, so a change in it degrades to "no notification"
 * instead of an exception in the main process.
 */
export function finishedRunFromEvent(name: string, payload: unknown): FinishedRunSummary | null {
  if (name !== 'run:batch-finished' || typeof payload !== 'object' || payload === null) return null;
  const record = payload as Record<string, unknown>;
  const kind = record['kind'];
  const [durationMs, succeeded, failed, notStarted] = ['durationMs', 'succeeded', 'failed', 'notStarted'].map((key) => record[key]);
  if (kind !== 'auto' && kind !== 'selection') return null;
  if (typeof durationMs !== 'number' || typeof succeeded !== 'number' || typeof failed !== 'number') return null;
  return { kind, durationMs, succeeded, failed, notStarted: typeof notStarted === 'number' ? notStarted : 0 };
}
