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
