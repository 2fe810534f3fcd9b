// How a command reports a failure a user can fix: the message on stderr, exit code 1.
// (Usage errors exit 2; commander handles those in index.ts.)

export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export function reportFailure(err: unknown): void {
  if (err instanceof CliFailure) {
    process.stderr.write(`taskdeck: ${err.message}\n`);
    process.exitCode = err.exitCode;
    return;
  }
  throw err;
}
