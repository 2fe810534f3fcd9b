// How `run` and `auto` show a run: on a terminal, a live progress bar per running task
// redrawn in place plus one line per finished task; otherwise plain lines, one per
// event that matters (no redraws, no colour), so logs and CI stay readable.
import type { RunEvent } from '../../main/engine/runEvents';
import { palette } from '../output/colour';
import { errorCategoryLabel, recoveryActionLabel, recoveryOutcomeLabel, runOutcomeLabel, severityLabel } from '../../shared/labels';

interface Live {
  title: string;
  percent: number | null;
  message: string;
  attempt: number;
  started: number;
}

export interface RunView {
  onEvent(event: RunEvent): void;
  /** Stops the redraw timer and clears the live block. */
  close(): void;
}

export function createRunView(stream: NodeJS.WriteStream, now: () => number = Date.now): RunView {
  const tty = stream.isTTY === true;
  const c = palette(tty && !process.env['NO_COLOR']);
  const live = new Map<string, Live>();
  let drawnLines = 0;

  const clear = (): void => {
    if (!tty || drawnLines === 0) return;
    stream.write(`\u001b[${drawnLines}A\u001b[0J`);
    drawnLines = 0;
  };
  const draw = (): void => {
    if (!tty) return;
    clear();
    const width = Math.max(40, (stream.columns ?? 80) - 1);
    const lines: string[] = [];
    for (const [id, t] of live) {
      const secs = ((now() - t.started) / 1000).toFixed(0);
      const bar = progressBar(t.percent, 20);
      const pct = t.percent === null ? '  … ' : `${String(Math.round(t.percent)).padStart(3)}%`;
      const attempt = t.attempt > 1 ? ` (attempt ${t.attempt})` : '';
      // Fit the visible text to the terminal; colour codes take no columns.
      const fixed = bar.length + pct.length + id.length + attempt.length + secs.length + 5;
      const label = truncate(t.message || t.title, Math.max(8, width - fixed));
      lines.push(`${c.blue(bar)} ${pct} ${c.bold(id)} ${label}${attempt} ${c.dim(`${secs}s`)}`);
    }
    if (lines.length) stream.write(lines.join('\n') + '\n');
    drawnLines = lines.length;
  };
  const line = (text: string): void => {
    clear();
    stream.write(text + '\n');
    draw();
  };
  const timer = tty ? setInterval(draw, 250) : null;
  timer?.unref();

  return {
    onEvent(e) {
      switch (e.type) {
        case 'task-started':
          live.set(e.taskId, { title: e.title, percent: null, message: '', attempt: e.attempt, started: now() });
          if (!tty) line(`start   ${e.taskId} attempt ${e.attempt}: ${e.command} (timeout ${Math.round(e.timeoutMs / 1000)} s)`);
          else draw();
          break;
        case 'progress': {
          const t = live.get(e.taskId);
          if (t) Object.assign(t, { percent: e.percent, message: e.message });
          if (!tty) line(`progress ${e.taskId} ${Math.round(e.percent)}% ${e.message}`.trimEnd());
          else draw();
          break;
        }
        case 'attempt-failed':
          line(c.yellow(`fail    ${e.taskId} attempt ${e.attempt}: ${errorCategoryLabel(e.category)} (${severityLabel(e.severity).toLowerCase()} severity): ${e.message}`));
          break;
        case 'recovery':
          line(c.dim(`recover ${e.taskId} ${recoveryActionLabel(e.action)} (${recoveryOutcomeLabel(e.outcome)}): ${e.detail}`));
          break;
        case 'retry-scheduled':
          line(`retry   ${e.taskId} attempt ${e.nextAttempt} in ${(e.delayMs / 1000).toFixed(1)} s (${errorCategoryLabel(e.category)})`);
          break;
        case 'task-finished': {
          live.delete(e.taskId);
          const secs = (e.durationMs / 1000).toFixed(1);
          const tries = e.attempts > 1 ? `, ${e.attempts} attempts` : '';
          if (e.outcome === 'succeeded') line(c.green(`ok      ${e.taskId} ${e.title} (${secs} s${tries})`));
          else line(c.red(`${runOutcomeLabel(e.outcome).toLowerCase().padEnd(7)} ${e.taskId} ${e.title} (${secs} s${tries})${e.category ? ` ${errorCategoryLabel(e.category)}` : ''}${e.message ? `: ${e.message}` : ''}\n        log: ${e.logPath}`));
          break;
        }
        case 'task-blocked':
          line(c.yellow(`blocked ${e.taskId} ${e.title}: ${e.reason}`));
          break;
        case 'task-skipped':
          line(c.dim(`skip    ${e.taskId} ${e.title}: ${e.reason}`));
          break;
        case 'written-back':
          line(e.ok ? c.dim(`backlog ${e.message}`) : c.yellow(`backlog ${e.taskId} not updated: ${e.message}`));
          break;
        case 'output':
          break;
      }
    },
    close() {
      if (timer) clearInterval(timer);
      live.clear();
      clear();
    },
  };
}

function progressBar(percent: number | null, width: number): string {
  if (percent === null) return `[${'·'.repeat(width)}]`;
  const filled = Math.round((percent / 100) * width);
  return `[${'#'.repeat(filled)}${'·'.repeat(width - filled)}]`;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
