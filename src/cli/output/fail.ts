// How every command reports a failure: one line on stderr and an exit code, never a
// stack trace (TASKDECK_DEBUG=1 adds the details). A CliFailure is a failure a user can
// fix, with its own exit code; a failing run record (damaged, full, read-only, locked)
// prints its message and its documented code; anything else is our bug, said in one line.
// (Usage errors exit 2; commander handles those in index.ts.)
import { storeErrorOf } from '../../main/store/storeFault';

export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }

  /** An error value from the store or the engine; a run-record failure keeps its code visible. */
  static of(error: { code: string; message: string }, exitCode = 1): CliFailure {
    return new CliFailure(isRecordCode(error.code) ? `${error.message} [${error.code}]` : error.message, exitCode);
  }
}

function isRecordCode(code: string): boolean {
  return code.startsWith('db-') || code === 'disk-full';
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** The line a failure prints (without the `taskdeck: ` prefix) and its exit code. */
export function describeFailure(err: unknown): { line: string; exitCode: number } {
  if (err instanceof CliFailure) return { line: err.message, exitCode: err.exitCode };
  const stored = storeErrorOf(err, '');
  if (stored) return { line: oneLine(`${stored.message} [${stored.code}]`), exitCode: 1 };
  const message = err instanceof Error ? err.message : String(err);
  return { line: oneLine(`unexpected error: ${message} (TASKDECK_DEBUG=1 shows the details)`), exitCode: 1 };
}

export function reportFailure(err: unknown): void {
  const { line, exitCode } = describeFailure(err);
  process.stderr.write(`taskdeck: ${line}\n`);
  if (process.env['TASKDECK_DEBUG'] === '1') process.stderr.write(`${debugDetails(err)}\n`);
  process.exitCode = exitCode;
}

function debugDetails(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause === undefined ? '' : `\ncaused by: ${debugDetails(err.cause)}`;
  return `${err.stack ?? err.message}${cause}`;
}

let strayRejectionsAreFatal = true;

/** `taskdeck serve` keeps answering after a stray rejection (logged in one line) instead of exiting. */
export function keepServingOnStrayRejections(): void {
  strayRejectionsAreFatal = false;
}

/**
 * The last resort for errors nothing caught: the same one line (and exit code) as any
 * other failure, instead of Node's stack trace.
 */
export function installLastResortHandlers(): void {
  process.on('uncaughtException', (err) => {
    reportFailure(err);
    process.exit(process.exitCode ?? 1);
  });
  process.on('unhandledRejection', (err) => {
    if (!strayRejectionsAreFatal) {
      process.stderr.write(`taskdeck: ${describeFailure(err).line}\n`);
      return;
    }
    reportFailure(err);
    process.exit(process.exitCode ?? 1);
  });
}
