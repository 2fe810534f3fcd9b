// `taskdeck run`, `auto`, `trust` and `done`: the engine on the command line. Exit code 1
// when any task failed or nothing could run (untrusted folder, unknown task, ...).
import { InvalidArgumentError, type Command } from 'commander';
import type { LoadedProject } from '../../main/project/loadBacklog';
import type { Store } from '../../main/store/types';
import type { Engine } from '../../main/engine/engine';
import type { AttemptRunner } from '../../main/engine/attemptRunner';
import type { RunEvents } from '../../main/engine/runEvents';
import { normaliseId, requireTask } from '../backlog/taskIds';
import type { TargetOptions } from '../backlog/loadForCli';
import { clusterTarget, openClusterRunner, type ClusterOpts } from './cluster';
import { CliFailure, reportFailure } from '../output/fail';
import { plural } from '../../shared/pluralise';
import { keepRunningOnClosedPipe } from '../output/closedPipe';
import { writeOut } from '../output/stdout';

/** The loader (and the parser behind it) loads when a run command runs, not for `--help`. */
async function loadForCli(opts: TargetOptions): Promise<LoadedProject> {
  return (await import('../backlog/loadForCli')).loadForCli(opts);
}

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

async function openEngine(loaded: LoadedProject, runner?: AttemptRunner, events?: RunEvents): Promise<{ engine: Engine; store: Store }> {
  const [{ openStore }, { Engine }, { markDoneInBacklog }] = await Promise.all([
    import('../../main/store/index'),
    import('../../main/engine/engine'),
    import('../../main/engine/markDoneInBacklog'),
  ]);
  const opened = openStore(loaded.projectDir);
  if (!opened.ok) throw CliFailure.of(opened.error);
  const store = opened.value;
  const engine = new Engine({ projectDir: loaded.projectDir, tasks: loaded.tasks, config: loaded.config, store, markDone: markDoneInBacklog(loaded.path, { vocabulary: loaded.config.vocabulary, origin: { source: 'engine', projectDir: loaded.projectDir } }), runner, events });
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

/** In a cluster auto, --parallel is how many tasks may be queued or running at once. */
const CLUSTER_DEFAULT_PARALLEL = 64;

async function autoCommand(opts: ProjectOpt & ClusterOpts & { maxTasks?: number; parallel?: number; dryRun?: boolean; includeHuman?: boolean; timeout?: number }): Promise<void> {
  const loaded = await loadForCli(opts);
  const target = opts.dryRun ? null : clusterTarget(opts, loaded.config);
  let cluster: Awaited<ReturnType<typeof openClusterRunner>> | null = null;
  let events: RunEvents | undefined;
  const [{ createRunView }, { printSummary }] = await Promise.all([import('./runProgress'), import('./runSummary')]);
  const view = createRunView(process.stdout);
  if (target) {
    const { RunEvents } = await import('../../main/engine/runEvents');
    events = new RunEvents();
    events.on((e) => view.onEvent(e));
    try {
      cluster = await openClusterRunner(target, events);
    } catch (err) {
      view.close();
      throw err;
    }
  }
  const { engine, store } = await openEngine(loaded, cluster?.runner, events);
  const options = { maxTasks: opts.maxTasks ?? null, parallel: opts.parallel ?? (cluster ? CLUSTER_DEFAULT_PARALLEL : 1), includeHuman: opts.includeHuman === true, timeoutS: opts.timeout ?? null };
  try {
    if (opts.dryRun) {
      view.close();
      const { printPlan } = await import('./runSummary');
      const plan = engine.planAuto(options);
      if (!plan.ok) throw CliFailure.of(plan.error);
      printPlan(plan.value, process.stdout);
      return;
    }
    keepRunningOnClosedPipe();
    const off = events ? () => undefined : engine.events.on((e) => view.onEvent(e));
    const restore = cancelOnInterrupt(engine);
    try {
      const result = await engine.auto(options);
      view.close();
      if (!result.ok) throw CliFailure.of(result.error);
      printSummary(result.value, process.stdout);
      // Threshold alerts (taskdeck.json `alerts`) of the tasks this run ran, one line each,
      // after the summary: the same breaches the app shows after a batch (`check` lists all).
      const [{ projectAlerts }, { alertLine }] = await Promise.all([import('../../main/reports/projectAlerts'), import('../../main/reports/insightsText')]);
      const ran = [...result.value.results.map((r) => r.taskId), ...result.value.elsewhere.map((e) => e.taskId)];
      for (const a of projectAlerts(loaded, ran)) writeOut(`${alertLine(a)}\n`);
      const failed = result.value.results.some((r) => r.outcome !== 'succeeded') || result.value.elsewhere.some((e) => e.outcome !== 'succeeded');
      if (failed || result.value.blocked.length > 0) process.exitCode = 1;
    } finally {
      view.close();
      off();
      restore();
    }
  } finally {
    store.close();
    await cluster?.close();
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
    writeOut(`No longer trusted: ${dir} (${trustFilePath()})\n`);
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

async function doneCommand(rawId: string, opts: ProjectOpt & { by?: string }): Promise<void> {
  const loaded = await loadForCli(opts);
  const task = requireTask(loaded, rawId);
  const [{ openStore }, { markDoneInBacklog }, { recordConfirmation }] = await Promise.all([
    import('../../main/store/index'),
    import('../../main/engine/markDoneInBacklog'),
    import('../../main/engine/recordConfirmation'),
  ]);
  // Who confirmed: --by, else the OS user; recorded with the backlog edit and in the audit log.
  const written = await markDoneInBacklog(loaded.path, { vocabulary: loaded.config.vocabulary, origin: { actor: opts.by, projectDir: loaded.projectDir } })(task.id);
  if (!written.ok) throw new CliFailure(written.message);
  const opened = openStore(loaded.projectDir);
  if (!opened.ok) throw CliFailure.of(opened.error);
  const store = opened.value;
  let who: string;
  try {
    who = recordConfirmation(store, loaded.tasks, task, { actor: opts.by }, Date.now(), 'marked done by hand (taskdeck done)');
  } finally {
    store.close();
  }
  writeOut(`${written.message} (confirmed by ${who})\n`);
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
    .option('--parallel <k>', 'run up to k tasks at once (default 1; with a cluster: queued or running at once, default 64)', positiveInt('--parallel'))
    .option('--redis <url>', 'run the tasks on cluster workers through this Redis (docs/cluster.md)')
    .option('--queue <name>', 'the cluster queue (default: taskdeck.json\'s cluster.queue, else "taskdeck")')
    .option('--local', 'run here even when taskdeck.json names a cluster')
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
    .option('--by <name>', 'who confirms it (default: the OS user); recorded in the history and the audit log')
    .action(guard((id: string, opts: ProjectOpt & { by?: string }) => doneCommand(id, opts)));
}
