// Every write (Markdown edits, undo, taskdeck.json) runs through one queue, so two writes
// never interleave even when two windows or tabs drop cards at the same moment.
export function createWriteQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return function enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = tail.then(job, job);
    // The queue continues after a failed job; the caller still sees the failure.
    tail = run.catch(() => undefined);
    return run;
  };
}
