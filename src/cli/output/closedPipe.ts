// `taskdeck list | head` closes stdout early; that is the reader's choice, not an error,
// so the process ends quietly instead of dumping an EPIPE stack trace.
let installed = false;
let keepRunning = false;

export function exitQuietlyOnClosedPipe(): void {
  if (installed) return;
  installed = true;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (keepRunning && (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED')) return;
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}

/** A write straight to the descriptor met a closed pipe (stdout.ts): the same rule as the stream's. */
export function onClosedPipe(): void {
  if (!keepRunning) process.exit(0);
}

/**
 * For `run` and `auto`: a closed stdout (`taskdeck auto | head`) only stops the printing.
 * Exiting there would leave running tasks unrecorded (their attempts later read as
 * interrupted although they finished) and report success for a batch cut short; the run
 * goes on, every attempt is recorded, and the exit code still tells how it went.
 */
export function keepRunningOnClosedPipe(): void {
  exitQuietlyOnClosedPipe();
  keepRunning = true;
}
