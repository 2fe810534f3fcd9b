// Runs tasks for the app: each start opens an engine over the project as it is on disk
// now, forwards its events to every client as `run:event`, and closes its store when the
// batch ends. Runs go on in the background; the methods answer once they have started.
import type { ApiResult, AutoRunOptions, BatchFinished, RunPlan } from '../../../shared/api';
import { checkTrust, Engine, markDoneInBacklog, resolveCommand, RunEvents, trustFolder, untrustedMessage, type TaskCommand } from '../../engine';
import { commandsOf } from '../../engine/resolveCommand';
import { claimOwnerId } from '../../engine/claimOwner';
import type { AttemptRunner } from '../../engine/attemptRunner';
import { loadProject, type LoadedProject } from '../../project/loadBacklog';
import { projectAlerts } from '../../reports/projectAlerts';
import { openStore } from '../../store/index';
import type { Store } from '../../store/types';
import type { Session } from '../session';
import { toLiveEvent } from './runsLiveEvent';
import { heldTasksIn } from './runsHeld';
import { foldLiveEvent, type LiveConsole } from './liveConsole';
import { summariseExcluded, type ExclusionKind } from '../../../shared/runPlanSummary';
import type { Task } from '../../../shared/backlog';
import type { ProjectConfig } from '../../project/config';

/** Tasks queued or running at once in a cluster auto (as the CLI's default). */
const CLUSTER_IN_FLIGHT = 64;

type Fail = { ok: false; error: { code: string; message: string } };
const noProject: Fail = { ok: false, error: { code: 'no-project', message: 'No project is open. Open a project folder first.' } };

interface Opened {
  engine: Engine;
  store: Store;
  loaded: LoadedProject;
}

export interface RunControllerOptions {
  env?: NodeJS.ProcessEnv;
  now?: () => number;
}

export function createRunController(session: Session, options: RunControllerOptions = {}) {
  const env = options.env ?? process.env;
  const now = options.now ?? Date.now;
  const engines = new Set<Engine>();
  let autoRunning = false;
  /** The tasks running now, for a page that opens (or reloads) mid-run. */
  const live: LiveConsole = new Map();

  async function load(): Promise<ApiResult<LoadedProject>> {
    const project = session.current();
    if (!project) return noProject;
    const loaded = await loadProject(project.dir);
    return loaded.ok ? loaded : { ok: false, error: { code: loaded.error.code, message: loaded.error.message } };
  }

  /**
   * `ownerId`: the claim owner the runs take their leases as (an agent's), else the engine's
   * own; `cluster`: run the attempts on cluster workers instead of here.
   */
  async function open(opts: { ownerId?: string; cluster?: { runner: AttemptRunner; events: RunEvents } } = {}): Promise<ApiResult<Opened>> {
    const loaded = await load();
    if (!loaded.ok) return loaded;
    const { projectDir, tasks, config, path } = loaded.value;
    const store = openStore(projectDir);
    if (!store.ok) return { ok: false, error: { code: store.error.code, message: store.error.message } };
    const engine = new Engine({ projectDir, tasks, config, store: store.value, markDone: markDoneInBacklog(path, { vocabulary: config.vocabulary, origin: { source: 'engine', projectDir } }), env, ...(opts.ownerId ? { ownerId: opts.ownerId } : {}), runner: opts.cluster?.runner, events: opts.cluster?.events });
    const strategies = engine.strategies();
    // "retry 2 of 3": the category's retries plus the first attempt.
    const maxAttemptsOf = (category: string): number | null => {
      if (!strategies.ok) return null;
      const s = (strategies.value as Readonly<Record<string, { maxRetries: number } | undefined>>)[category];
      return s ? s.maxRetries + 1 : null;
    };
    engine.events.on((e) => {
      const event = toLiveEvent(e, now(), maxAttemptsOf);
      foldLiveEvent(live, event);
      session.emit('run:event', event);
    });
    engines.add(engine);
    return { ok: true, value: { engine, store: store.value, loaded: loaded.value } };
  }

  function finish(o: Opened, kind: BatchFinished['kind'], startedAt: number, counts: Omit<BatchFinished, 'kind' | 'durationMs' | 'alerts'>, ran: readonly string[]): void {
    engines.delete(o.engine);
    o.store.close();
    // Threshold alerts (taskdeck.json `alerts`) of the tasks this batch ran: the app shows a
    // toast and a desktop notification for them. A failure to read them never hides the batch's end.
    let alerts: BatchFinished['alerts'] = [];
    try {
      alerts = projectAlerts(o.loaded, ran);
    } catch {
      alerts = [];
    }
    session.emit('run:batch-finished', { kind, durationMs: now() - startedAt, ...counts, alerts });
  }

  /** `ownerId`: the claim owner a selection runs as (an agent's), whose own claims do not hold it back. */
  async function plan(args: { taskIds?: string[]; auto?: AutoRunOptions }, ownerId: string | null = null): Promise<ApiResult<RunPlan>> {
    const loaded = await load();
    if (!loaded.ok) return loaded;
    const { projectDir, tasks, config } = loaded.value;
    // Trust is per command: the plan says which of its commands are new or changed.
    // `scope`: every command the run may start (an auto run checks all it could reach, not
    // only the first maxTasks: a task that fails or ran elsewhere lets another start).
    const withTrust = (commands: RunPlan['commands'], excluded: RunPlan['excluded'], scope = commands): RunPlan => {
      const check = checkTrust(projectDir, scope, env);
      const titles = new Map(scope.map((c) => [c.taskId, c.title]));
      const untrusted = check.untrusted.map((u) => ({ taskId: u.taskId, title: titles.get(u.taskId) ?? '', command: u.command, change: u.change }));
      return { projectDir, trusted: check.folderTrusted && untrusted.length === 0, folderTrusted: check.folderTrusted, untrusted, commands, excluded };
    };
    if (args.auto) {
      const opened = openStore(projectDir);
      if (!opened.ok) return { ok: false, error: { code: opened.error.code, message: opened.error.message } };
      try {
        const engine = new Engine({ projectDir, tasks, config, store: opened.value, env });
        const planned = engine.planAuto(args.auto);
        if (!planned.ok) return planned;
        const reachable = engine.planAuto({ ...args.auto, maxTasks: null });
        if (!reachable.ok) return reachable;
        const view = (order: typeof planned.value.order) => order.map((p) => ({ taskId: p.task.id, title: p.task.title, command: p.command }));
        return {
          ok: true,
          value: withTrust(
            view(planned.value.order),
            planned.value.excluded.map((x) => ({ taskId: x.task.id, title: x.task.title, reason: x.reason, kind: exclusionKind(x.task, config) })),
            view(reachable.value.order),
          ),
        };
      } finally {
        opened.value.close();
      }
    }
    const commands: RunPlan['commands'] = [];
    const excluded: RunPlan['excluded'] = [];
    const held = heldTasksIn(projectDir, ownerId, now());
    if (!held.ok) return held;
    // The set of IDs, in first-named order: a task named twice runs once.
    for (const id of new Set(args.taskIds ?? [])) {
      const task = tasks.find((t) => t.id === id);
      if (!task) {
        excluded.push({ taskId: id, title: '', reason: 'not in the backlog', kind: 'missing' });
        continue;
      }
      const holder = held.value.get(id);
      if (holder) {
        excluded.push({ taskId: id, title: task.title, reason: holder.reason, kind: holder.kind });
        continue;
      }
      // A task that needs a person is never run from here (the engine refuses it too).
      if (task.humanRequired) {
        excluded.push({ taskId: id, title: task.title, reason: `needs a person${task.humanReason ? ` (${task.humanReason})` : ''}; confirm it when done`, kind: 'human' });
        continue;
      }
      const resolved = resolveCommand(task, config, null);
      if (resolved.kind === 'command') commands.push({ taskId: id, title: task.title, command: resolved.command });
      else excluded.push({ taskId: id, title: task.title, reason: resolved.kind === 'manual' ? resolved.reason : resolved.message, kind: resolved.kind === 'manual' ? 'no-command' : 'config' });
    }
    return { ok: true, value: withTrust(commands, excluded) };
  }

  function untrustedError(p: RunPlan): Fail {
    const check = { folderTrusted: p.folderTrusted, legacy: false, untrusted: p.untrusted };
    return { ok: false, error: { code: 'untrusted', message: untrustedMessage(p.projectDir, check) } };
  }

  async function start(taskIds: string[], parallel: number, as?: { owner: string; session: string }): Promise<ApiResult<{ started: string[] }>> {
    const checked = await plan({ taskIds }, as ? claimOwnerId(as.owner, as.session) : null);
    if (!checked.ok) return checked;
    if (!checked.value.trusted) return untrustedError(checked.value);
    if (checked.value.commands.length === 0) {
      // One line however many tasks: the plan (runs:plan) lists them.
      return { ok: false, error: { code: 'nothing-to-run', message: `Nothing to run: ${summariseExcluded(checked.value.excluded)}.` } };
    }
    const opened = await open(as ? { ownerId: claimOwnerId(as.owner, as.session) } : {});
    if (!opened.ok) return opened;
    const o = opened.value;
    const queue = checked.value.commands.map((c) => c.taskId);
    const startedAt = now();
    let succeeded = 0;
    let failed = 0;
    let firstError: string | null = null;
    let errorCode: string | null = null;
    const ran: string[] = [];
    const worker = async (): Promise<void> => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        if (o.engine.autoStopped) return;
        ran.push(id);
        const result = await o.engine.runOne(id);
        if (result.ok && result.value.outcome === 'succeeded') succeeded++;
        else {
          failed++;
          if (!result.ok && firstError === null) {
            firstError = result.error.message;
            errorCode = result.error.code;
          }
        }
      }
    };
    // runOne answers every failure as a value; a throw here is a bug, and still must not
    // become an unhandled rejection that takes the web host or the app down.
    void Promise.all(Array.from({ length: Math.min(parallel, queue.length) }, worker))
      .catch((err: unknown) => {
        firstError ??= err instanceof Error ? err.message : String(err);
        errorCode ??= 'internal';
      })
      .finally(() => finish(o, 'selection', startedAt, { succeeded, failed, notStarted: queue.length, error: firstError, errorCode, taskIds: checked.value.commands.map((c) => c.taskId) }, ran));
    return { ok: true, value: { started: checked.value.commands.map((c) => c.taskId) } };
  }

  /** The project's cluster (taskdeck.json "cluster"), connected; or why not. */
  async function openCluster(): Promise<ApiResult<{ runner: AttemptRunner; events: RunEvents; announce(): void; close(): Promise<void> }>> {
    const loaded = await load();
    if (!loaded.ok) return loaded;
    const target = loaded.value.config.cluster;
    if (!target) return { ok: false, error: { code: 'no-cluster', message: 'This project has no cluster: add "cluster": { "redis": "redis://host:6379" } to taskdeck.json (docs/cluster.md).' } };
    const events = new RunEvents();
    const { ClusterCoordinator } = await import('../../cluster/clusterCoordinator');
    const opened = await ClusterCoordinator.open({ redisUrl: target.redis, queue: target.queue, events });
    if (!opened.ok) return { ok: false, error: { code: 'cluster-unreachable', message: opened.message } };
    const c = opened.value;
    return { ok: true, value: { runner: c.runner, events, announce: () => c.announce(), close: () => c.close() } };
  }

  async function auto(opts: AutoRunOptions): Promise<ApiResult<{ planned: number }>> {
    if (autoRunning) return { ok: false, error: { code: 'auto-running', message: 'An auto run is already going; cancel it or wait for it to finish.' } };
    const checked = await plan({ auto: opts });
    if (!checked.ok) return checked;
    if (!checked.value.trusted) return untrustedError(checked.value);
    const cluster = opts.cluster ? await openCluster() : null;
    if (cluster && !cluster.ok) return cluster;
    const coordinator = cluster?.value ?? null;
    const opened = await open(coordinator ? { cluster: coordinator } : {});
    if (!opened.ok) {
      await coordinator?.close();
      return opened;
    }
    const o = opened.value;
    coordinator?.announce();
    autoRunning = true;
    const startedAt = now();
    // On a cluster the workers' concurrency limits what runs; this only bounds what is queued.
    const parallel = coordinator ? CLUSTER_IN_FLIGHT : opts.parallel;
    void o.engine
      .auto({ maxTasks: opts.maxTasks, parallel, includeHuman: opts.includeHuman })
      .catch((err: unknown) => ({ ok: false as const, error: { code: 'internal', message: err instanceof Error ? err.message : String(err) } }))
      .then((result) => {
        const s = result.ok ? result.value : null;
        finish(o, 'auto', startedAt, {
          succeeded: s ? s.results.filter((r) => r.outcome === 'succeeded').length : 0,
          failed: s ? s.results.filter((r) => r.outcome !== 'succeeded').length : 0,
          notStarted: s ? s.notStarted.length : 0,
          error: result.ok ? null : result.error.message,
          errorCode: result.ok ? null : result.error.code,
        }, s ? s.results.map((r) => r.taskId) : []);
      })
      .finally(() => {
        autoRunning = false;
        void coordinator?.close();
      });
    return { ok: true, value: { planned: checked.value.commands.length } };
  }

  return {
    plan,
    start,
    auto,
    /** Trusts the commands the user saw; without a list, every command the backlog has now. */
    async trust(commands?: TaskCommand[]): Promise<ApiResult<{ trusted: true; path: string }>> {
      const project = session.current();
      if (!project) return noProject;
      let approved = commands;
      if (approved === undefined) {
        const loaded = await load();
        if (!loaded.ok) return loaded;
        approved = commandsOf(loaded.value.tasks, loaded.value.config);
      }
      try {
        return { ok: true, value: { trusted: true, path: trustFolder(project.dir, new Date(now()), env, approved) } };
      } catch (err) {
        return { ok: false, error: { code: 'trust-failed', message: `Cannot trust ${project.dir}: ${err instanceof Error ? err.message : String(err)}` } };
      }
    },
    cancel(taskId: string): boolean {
      return [...engines].some((e) => e.cancel(taskId));
    },
    cancelAll(): number {
      let n = 0;
      for (const e of engines) n += e.cancelAll();
      return n;
    },
    active(): { running: string[]; auto: boolean } {
      return { running: [...engines].flatMap((e) => e.running()), auto: autoRunning };
    },
    /** The rows of the tasks running in this app now (status, attempt, retry plan, progress). */
    liveTasks() {
      return [...live.values()];
    },
  };
}

/** Why auto leaves a task out, as a kind for the one-line summary. */
function exclusionKind(task: Task, config: ProjectConfig): ExclusionKind {
  if (task.status === 'skipped') return 'skipped';
  if (task.humanRequired) return 'human';
  return resolveCommand(task, config, null).kind === 'error' ? 'config' : 'no-command';
}

export type RunController = ReturnType<typeof createRunController>;
