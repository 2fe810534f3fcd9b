// `taskdeck run`, `auto`, `trust` and `done`: the engine on the command line. Exit code 1
// when any task failed or nothing could run (untrusted folder, unknown task, ...).
import { InvalidArgumentError, type Command } from 'commander';
import type { LoadedProject } from '../../main/project/loadBacklog';
import type { Store } from '../../main/store/types';
import type { Engine } from '../../main/engine/engine';
import { loadForCli, normaliseId, requireTask } from '../backlog/loadForCli';
import { CliFailure, reportFailure } from '../output/fail';
import { plural } from '../../shared/pluralise';
import { keepRunningOnClosedPipe } from '../output/closedPipe';

interface ProjectOpt {
  project?: string;
}

function positiveNumber(name: string) {
  return (raw: string): number => {
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`${name} must be a positive number of seconds.`);
    return n;
  };
}

function positiveInt(name: string) {
  return (raw: string): number => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`${name} must be a whole number ≥ 1.`);
    return n;
  };
}

async function openEngine(loaded: LoadedProject): Promise<{ engine: Engine; store: Store }> {
  const [{ openStore }, { Engine }, { markDoneInBacklog }] = await Promise.all([
    import('../../main/store/index'),
    import('../../main/engine/engine'),
    import('../../main/engine/markDoneInBacklog'),
  ]);
  const opened = openStore(loaded.projectDir);
  if (!opened.ok) throw CliFailure.of(opened.error);
  const store = opened.value;
  const engine = new Engine({ projectDir: loaded.projectDir, tasks: loaded.tasks, config: loaded.config, store, markDone: markDoneInBacklog(loaded.path, loaded.config.vocabulary) });
  return { engine, store };
}

/**
 * Ctrl-C: the first press cancels every running task (TERM, then KILL after the grace
 * period); a second one kills their process groups at once and quits. Tasks run in their
 * own sessions, so the terminal's Ctrl-C never reaches them by itself.
 */
function cancelOnInterrupt(engine: Engine): () => void {
  let pressed = false;
  const groups = new Map<string, number>();
  const off = engine.events.on((e) => {
    if (e.type === 'task-started' && e.pgid !== null) groups.set(e.taskId, e.pgid);
    if (e.type === 'task-finished') groups.delete(e.taskId);
  });
  const handler = (): void => {
    if (pressed) {
      for (const pgid of groups.values()) {
        try {
          process.kill(-pgid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
      process.exit(130);
    }
    pressed = true;
    process.stderr.write('\ntaskdeck: cancelling running tasks (Ctrl-C again to kill them and quit at once)\n');
    engine.cancelAll();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    off();
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}

async function runCommand(rawId: string, opts: ProjectOpt & { timeout?: number }): Promise<void> {
  keepRunningOnClosedPipe();
  const loaded = await loadForCli(opts);
  const task = requireTask(loaded, rawId);
  const { engine, store } = await openEngine(loaded);
  const { createRunView } = await import('./runProgress');
  const view = createRunView(process.stdout);
  const off = engine.events.on((e) => view.onEvent(e));
  const restore = cancelOnInterrupt(engine);
  const unmet = engine.unmetDependencies(task.id);
  if (unmet.length > 0) process.stderr.write(`taskdeck: note: ${task.id} depends on ${unmet.join(', ')}, not done yet; running it anyway as asked\n`);
  try {
    const result = await engine.runOne(task.id, opts.timeout ?? null);
    if (!result.ok) throw CliFailure.of(result.error);
    if (result.value.outcome !== 'succeeded') process.exitCode = 1;
  } finally {
    view.close();
    off();
    restore();
    store.close();
  }
}

async function autoCommand(opts: ProjectOpt & { maxTasks?: number; parallel?: number; dryRun?: boolean; includeHuman?: boolean; timeout?: number }): Promise<void> {
  const loaded = await loadForCli(opts);
  const { engine, store } = await openEngine(loaded);
  const options = { maxTasks: opts.maxTasks ?? null, parallel: opts.parallel ?? 1, includeHuman: opts.includeHuman === true, timeoutS: opts.timeout ?? null };
  try {
    if (opts.dryRun) {
      const { printPlan } = await import('./runSummary');
      const plan = engine.planAuto(options);
      if (!plan.ok) throw CliFailure.of(plan.error);
      printPlan(plan.value, process.stdout);
      return;
    }
    keepRunningOnClosedPipe();
    const [{ createRunView }, { printSummary }] = await Promise.all([import('./runProgress'), import('./runSummary')]);
    const view = createRunView(process.stdout);
    const off = engine.events.on((e) => view.onEvent(e));
    const restore = cancelOnInterrupt(engine);
    try {
      const result = await engine.auto(options);
      view.close();
      if (!result.ok) throw CliFailure.of(result.error);
      printSummary(result.value, process.stdout);
      const failed = result.value.results.some((r) => r.outcome !== 'succeeded') || result.value.elsewhere.some((e) => e.outcome !== 'succeeded');
      if (failed || result.value.blocked.length > 0) process.exitCode = 1;
    } finally {
      view.close();
      off();
      restore();
    }
  } finally {
    store.close();
  }
}

/**
 * `taskdeck trust`: shows which of the backlog's commands are new or changed since the
 * folder was last trusted, then trusts exactly the current set (trust.ts).
 */
async function trustCommand(opts: ProjectOpt & { remove?: boolean }): Promise<void> {
  const { trustFolder, untrustFolder, trustFilePath, checkTrust } = await import('../../main/engine/trust');
  const dir = opts.project ?? '.';
  if (opts.remove) {
    try {
      untrustFolder(dir);
    } catch (err) {
      throw new CliFailure(`Cannot stop trusting ${dir}: ${(err as Error).message}`);
    }
    process.stdout.write(`No longer trusted: ${dir} (${trustFilePath()})\n`);
    return;
  }
  const loaded = await loadForCli({ project: dir });
  const { commandsOf } = await import('../../main/engine/resolveCommand');
  const commands = commandsOf(loaded.tasks, loaded.config);
  const check = checkTrust(loaded.projectDir, commands);
  const line = (c: { taskId: string; command: string }, tag: string) => `  ${tag}  ${c.taskId}: ${c.command}\n`;
  let real: string;
  try {
    real = trustFolder(loaded.projectDir, new Date(), process.env, commands, true);
  } catch (err) {
    throw new CliFailure(`Cannot trust ${dir}: ${(err as Error).message}`);
  }
  const out = process.stdout;
  if (!check.folderTrusted || check.legacy) {
    out.write(`Trusted: ${real}\n`);
    if (check.legacy) out.write('It was trusted by an older Taskdeck, which did not record its commands.\n');
    out.write(commands.length ? `Taskdeck may now run ${commands.length === 1 ? 'this command' : `these ${plural(commands.length, 'command')}`} of its backlog:\n` : 'Its backlog defines no commands yet.\n');
    for (const c of commands) out.write(line(c, '   '));
  } else if (check.untrusted.length > 0) {
    out.write(`Trusted the new and changed commands of ${real}:\n`);
    for (const c of check.untrusted) out.write(line(c, c.change === 'changed' ? 'changed' : 'new    '));
  } else {
    out.write(`Nothing new to trust in ${real}: its ${commands.length} command${commands.length === 1 ? ' was' : 's were'} already trusted.\n`);
  }
  out.write(`A command added or changed later runs only after you trust it again. Recorded in ${trustFilePath()}.\n`);
}

async function doneCommand(rawId: string, opts: ProjectOpt): Promise<void> {
  const loaded = await loadForCli(opts);
  const task = requireTask(loaded, rawId);
  const [{ openStore }, { markDoneInBacklog }] = await Promise.all([import('../../main/store/index'), import('../../main/engine/markDoneInBacklog')]);
  const written = await markDoneInBacklog(loaded.path, loaded.config.vocabulary)(task.id);
  if (!written.ok) throw new CliFailure(written.message);
  const opened = openStore(loaded.projectDir);
  if (!opened.ok) throw CliFailure.of(opened.error);
  const store = opened.value;
  try {
    const now = Date.now();
    store.syncTasks(loaded.tasks, now);
    const previous = store.taskState(task.id);
    store.setTaskState(task.id, { status: 'succeeded', startedAt: previous?.startedAt ?? null, completedAt: now, retryCount: previous?.retryCount ?? 0, errorMessage: null, executionTime: previous?.executionTime ?? null });
    store.recordEvent({ taskId: task.id, runId: null, type: 'succeeded', message: 'marked done by hand (taskdeck done)', data: { manual: true }, at: now });
  } finally {
    store.close();
  }
  process.stdout.write(`${written.message}\n`);
}

function guard<A extends unknown[]>(fn: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return (...args: A) => fn(...args).catch(reportFailure);
}

export function registerRunCommands(program: Command): void {
  program
    .command('run <id>')
    .alias('execute')
    .description('Run one task now (with retries), recording every attempt (`execute` is the toolkit\'s name for it)')
    .option('--project <dir>', 'project folder', '.')
    .option('--timeout <seconds>', 'timeout for this run, overriding the task and executor', positiveNumber('--timeout'))
    .action(guard((id: string, opts: ProjectOpt & { timeout?: number }) => runCommand(normaliseId(id), opts)));
  program
    .command('auto')
    .description('Run ready tasks by priority, then score total, then file order, never before their dependencies succeeded')
    .option('--project <dir>', 'project folder', '.')
    .option('--max-tasks <n>', 'start at most n tasks', positiveInt('--max-tasks'))
    .option('--parallel <k>', 'run up to k tasks at once', positiveInt('--parallel'), 1)
    .option('--dry-run', 'print the plan (order and commands) and run nothing')
    .option('--include-human', 'also run human-required tasks that have a command')
    .option('--timeout <seconds>', 'timeout for every task of this run', positiveNumber('--timeout'))
    .action(guard(autoCommand));
  program
    .command('trust')
    .description('Allow Taskdeck to run the commands of this project folder as they are now; shows what is new or changed (stored per user)')
    .option('--project <dir>', 'project folder', '.')
    .option('--remove', 'stop trusting the folder')
    .action(guard(trustCommand));
  program
    .command('done <id>')
    .description('Mark a task done in the backlog and the run record (for manual and human tasks)')
    .option('--project <dir>', 'project folder', '.')
    .action(guard((id: string, opts: ProjectOpt) => doneCommand(id, opts)));
}
