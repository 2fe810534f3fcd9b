// The task output protocol (docs/engine.md): lines a task prints to talk to Taskdeck.
//   ::progress 40 parsing files          percent (0-100) and an optional message
//   ::error category=network::message    a failure the task classified itself
import { isErrorCategory, type ErrorCategory } from '../core/errors/types';

export type ProtocolLine =
  | { kind: 'progress'; percent: number; message: string }
  | { kind: 'error'; category: ErrorCategory; message: string };

const PROGRESS = /^::progress\s+(\d+(?:\.\d+)?)%?(?:\s+(.*))?$/;
const ERROR = /^::error(?:\s+category=([a-z_]+))?::(.*)$/;

export function parseProtocolLine(line: string): ProtocolLine | null {
  if (!line.startsWith('::')) return null;
  const trimmed = line.trim();
  const progress = PROGRESS.exec(trimmed);
  if (progress) {
    const percent = Math.max(0, Math.min(100, Number(progress[1])));
    return { kind: 'progress', percent, message: (progress[2] ?? '').trim() };
  }
  const error = ERROR.exec(trimmed);
  if (error) {
    const raw = error[1] ?? 'unknown';
    return { kind: 'error', category: isErrorCategory(raw) ? raw : 'unknown', message: (error[2] ?? '').trim() };
  }
  return null;
}
