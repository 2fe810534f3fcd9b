// ANSI colour, only when stdout is a terminal (and NO_COLOR is not set), so pipes and
// scripts get plain text.
import type { Priority, Status } from '../../shared/backlog';
import { stdoutIsTerminal } from './stdout';

export interface Palette {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  status(s: Status, text: string): string;
  priority(p: Priority, text: string): string;
}

export function palette(enabled: boolean): Palette {
  const wrap = (code: string) => (s: string) => (enabled ? `\u001b[${code}m${s}\u001b[0m` : s);
  const bold = wrap('1');
  const dim = wrap('2');
  const red = wrap('31');
  const green = wrap('32');
  const yellow = wrap('33');
  const blue = wrap('34');
  const byStatus: Record<Status, (s: string) => string> = {
    done: green,
    in_progress: blue,
    blocked: yellow,
    failed: red,
    skipped: dim,
    todo: (s) => s,
  };
  const byPriority: Record<Priority, (s: string) => string> = {
    critical: (s) => bold(red(s)),
    high: yellow,
    medium: (s) => s,
    low: dim,
    unknown: dim,
  };
  return {
    bold,
    dim,
    red,
    green,
    yellow,
    blue,
    status: (s, text) => byStatus[s](text),
    priority: (p, text) => byPriority[p](text),
  };
}

export function stdoutPalette(): Palette {
  return palette(stdoutIsTerminal() && !process.env.NO_COLOR);
}
