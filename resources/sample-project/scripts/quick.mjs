// A task that succeeds at once: the smallest thing the engine can run.
const id = process.env.TASKDECK_TASK_ID ?? '(no task)';
console.log(`quick: ${id} done in no time`);
