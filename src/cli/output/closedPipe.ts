// `taskdeck list | head` closes stdout early; that is the reader's choice, not an error,
// so the process ends quietly instead of dumping an EPIPE stack trace.
let installed = false;

export function exitQuietlyOnClosedPipe(): void {
  if (installed) return;
  installed = true;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}
