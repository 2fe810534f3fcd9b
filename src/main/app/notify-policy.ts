// Whether a finished run deserves a desktop notification. A short run finishes while
// the user is still looking; only a long `auto` (or one that ended badly while the
// window was in the background) is worth interrupting them for.

export const LONG_RUN_MS = 60_000;

export interface FinishedRunSummary {
  mode: 'auto' | 'single' | 'selection';
  durationMs: number;
  succeeded: number;
  failed: number;
  cancelled: number;
}

export interface NotifyContext {
  windowFocused: boolean;
  thresholdMs?: number;
}

export function shouldNotifyRunFinished(run: FinishedRunSummary, context: NotifyContext): boolean {
  const threshold = context.thresholdMs ?? LONG_RUN_MS;
  if (!Number.isFinite(run.durationMs) || run.durationMs < 0) return false;
  // A run the user cancelled themselves needs no announcement.
  if (run.succeeded + run.failed === 0) return false;
  if (run.mode === 'auto') return run.durationMs >= threshold;
  // A single task or a selection only notifies if long and the user looked away.
  return !context.windowFocused && run.durationMs >= threshold;
}

export function runFinishedMessage(run: FinishedRunSummary): { title: string; body: string } {
  const parts = [`${run.succeeded} succeeded`];
  if (run.failed > 0) parts.push(`${run.failed} failed`);
  if (run.cancelled > 0) parts.push(`${run.cancelled} cancelled`);
  const title = run.failed > 0 ? 'Taskdeck: run finished with failures' : 'Taskdeck: run finished';
  return { title, body: `${parts.join(', ')} in ${formatDuration(run.durationMs)}.` };
}

export function formatDuration(ms: number): string {
  const totalSeconds = Math.round(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return `${hours} h ${minutes} min`;
  if (minutes > 0) return `${minutes} min ${seconds} s`;
  return `${seconds} s`;
}

/**
 * Reads a finished-run summary from a backend event, if it is one. The run engine's
 * event is checked by shape rather than trusted, so a payload change degrades to "no
 * notification" instead of a crash in the main process.
 */
export function finishedRunFromEvent(name: string, payload: unknown): FinishedRunSummary | null {
  if (name !== 'run:finished' || typeof payload !== 'object' || payload === null) return null;
  const record = payload as Record<string, unknown>;
  const mode = record['mode'];
  const numbers = ['durationMs', 'succeeded', 'failed', 'cancelled'].map((key) => record[key]);
  if (mode !== 'auto' && mode !== 'single' && mode !== 'selection') return null;
  const [durationMs, succeeded, failed, cancelled] = numbers;
  if (typeof durationMs !== 'number' || typeof succeeded !== 'number' || typeof failed !== 'number') return null;
  return { mode, durationMs, succeeded, failed, cancelled: typeof cancelled === 'number' ? cancelled : 0 };
}
