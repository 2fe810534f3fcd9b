// Classifies a failed attempt into a category, from the most to the least explicit
// evidence: the task's own `::error category=X::message` line, the timeout flag or a
// signal, a known exit code (or spawn error), then patterns in its stderr / log tail.
import { isErrorCategory, type ErrorCategory } from './types';

export interface FailureInput {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  /** The tail of stderr / the log; only its last EXAMINED_CHARS are scanned. */
  output: string;
  /** An `::error` line the engine already parsed, when it has one. */
  reported?: { category: ErrorCategory; message: string } | null;
  /** The error code when the process could not be spawned at all (ENOENT, EACCES, ...). */
  spawnErrorCode?: string | null;
  /** The command, for messages. */
  command?: string;
}

export type ClassificationSource = 'reported' | 'timeout' | 'signal' | 'spawn-error' | 'exit-code' | 'pattern' | 'none';

export interface Classification {
  category: ErrorCategory;
  message: string;
  source: ClassificationSource;
}

/** The causes of a failure are almost always at the end of its output. */
export const EXAMINED_CHARS = 64 * 1024;
const MAX_MESSAGE = 500;

const ERROR_LINE = /^::error(?:\s+category=([a-z_]+))?::(.*)$/;

/** The last `::error` line of the output, if any. */
export function lastReportedError(output: string): { category: ErrorCategory; message: string } | null {
  const lines = output.split(/\r?\n/);
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = ERROR_LINE.exec((lines[i] ?? '').trim());
    if (m) {
      const raw = m[1] ?? 'unknown';
      return { category: isErrorCategory(raw) ? raw : 'unknown', message: (m[2] ?? '').trim() };
    }
  }
  return null;
}

/** sysexits.h and shell conventions with a clear meaning. */
const EXIT_CODES: ReadonlyMap<number, { category: ErrorCategory; message: string }> = new Map([
  [124, { category: 'timeout', message: 'the command timed out (exit 124)' }],
  [126, { category: 'permission', message: 'the command was found but is not executable (exit 126)' }],
  [127, { category: 'execution', message: 'command not found (exit 127)' }],
  [64, { category: 'validation', message: 'the command was used incorrectly (exit 64, EX_USAGE)' }],
  [65, { category: 'validation', message: 'the input data was invalid (exit 65, EX_DATAERR)' }],
  [66, { category: 'file_system', message: 'an input file was missing or unreadable (exit 66, EX_NOINPUT)' }],
  [68, { category: 'network', message: 'a host name was unknown (exit 68, EX_NOHOST)' }],
  [69, { category: 'network', message: 'a service was unavailable (exit 69, EX_UNAVAILABLE)' }],
  [73, { category: 'file_system', message: 'an output file could not be created (exit 73, EX_CANTCREAT)' }],
  [74, { category: 'file_system', message: 'an input/output error occurred (exit 74, EX_IOERR)' }],
  [77, { category: 'permission', message: 'permission was denied (exit 77, EX_NOPERM)' }],
  [78, { category: 'validation', message: 'the configuration was invalid (exit 78, EX_CONFIG)' }],
]);

const SPAWN_ERRORS: Readonly<Record<string, ErrorCategory>> = {
  ENOENT: 'execution',
  EACCES: 'permission',
  EPERM: 'permission',
  E2BIG: 'execution',
  ENOMEM: 'execution',
};

/**
 * Checked in this order, so the specific wins over the generic: a "permission denied"
 * while opening a file is permission, not file_system; "invalid" is the vaguest word.
 */
const PATTERNS: readonly { category: ErrorCategory; pattern: RegExp }[] = [
  { category: 'network', pattern: /\b(ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EPIPE)\b|connection (refused|reset)|network is unreachable|could not resolve host/i },
  { category: 'database', pattern: /\bSQLITE_(BUSY|LOCKED)\b|database is locked|\bdeadlock/i },
  { category: 'permission', pattern: /\b(EACCES|EPERM)\b|permission denied|operation not permitted|access is denied/i },
  { category: 'file_system', pattern: /\b(ENOENT|EISDIR|ENOTDIR|ENOSPC|EEXIST|EMFILE|EROFS)\b|no such file or directory|no space left on device|read-only file system/i },
  { category: 'validation', pattern: /\binvalid\b|\bvalidation\b|\bschema\b|\bValueError\b|\bTypeError\b|\bSyntaxError\b/i },
];

function clip(text: string): string {
  const t = text.trim();
  return t.length > MAX_MESSAGE ? `${t.slice(0, MAX_MESSAGE - 1)}…` : t;
}

/** The output line where a pattern matched, to use as the message. */
function matchingLine(output: string, pattern: RegExp): string | null {
  const lines = output.split(/\r?\n/);
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] ?? '';
    if (pattern.test(line)) return line;
  }
  return null;
}

function signalExit(code: number): string | null {
  const names: Record<number, string> = { 1: 'SIGHUP', 2: 'SIGINT', 6: 'SIGABRT', 9: 'SIGKILL', 11: 'SIGSEGV', 13: 'SIGPIPE', 15: 'SIGTERM' };
  return code > 128 && code < 160 ? (names[code - 128] ?? `signal ${code - 128}`) : null;
}

export function classify(failure: FailureInput): Classification {
  const output = failure.output.length > EXAMINED_CHARS ? failure.output.slice(-EXAMINED_CHARS) : failure.output;
  const reported = failure.reported ?? lastReportedError(output);
  if (reported) return { category: reported.category, message: clip(reported.message || `the task reported a ${reported.category} error`), source: 'reported' };

  if (failure.timedOut) return { category: 'timeout', message: 'the task ran past its timeout and was stopped', source: 'timeout' };
  if (failure.signal) return { category: 'execution', message: `the task was terminated by ${failure.signal}`, source: 'signal' };

  if (failure.spawnErrorCode) {
    const category = SPAWN_ERRORS[failure.spawnErrorCode] ?? 'execution';
    const what = failure.command ? `"${failure.command}"` : 'the command';
    const message =
      failure.spawnErrorCode === 'ENOENT'
        ? `${what} could not be started: command not found (ENOENT)`
        : `${what} could not be started (${failure.spawnErrorCode})`;
    return { category, message: clip(message), source: 'spawn-error' };
  }

  if (failure.exitCode !== null) {
    const known = EXIT_CODES.get(failure.exitCode);
    if (known) {
      const detail = failure.exitCode === 127 && failure.command ? `${known.message}: ${failure.command}` : known.message;
      return { category: known.category, message: clip(detail), source: 'exit-code' };
    }
    const sig = signalExit(failure.exitCode);
    if (sig) return { category: 'execution', message: `the task was terminated by ${sig} (exit ${failure.exitCode})`, source: 'exit-code' };
  }

  for (const { category, pattern } of PATTERNS) {
    const line = matchingLine(output, pattern);
    if (line !== null) return { category, message: clip(line), source: 'pattern' };
  }

  const lastLine = output.trim().split(/\r?\n/).pop()?.trim() ?? '';
  const exit = failure.exitCode === null ? 'the task failed' : `the task exited with code ${failure.exitCode}`;
  return { category: 'unknown', message: clip(lastLine ? `${exit}: ${lastLine}` : exit), source: 'none' };
}
