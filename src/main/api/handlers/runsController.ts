// Runs tasks for the app: each start opens an engine over the project as it is on disk
// now, forwards its events to every client as `run:event`, and closes its store when the
// batch ends. Runs go on in the background; the methods answer once they have started.
import type { ApiResult, AutoRunOptions, BatchFinished, RunPlan } from '../../../shared/api';
import { Engine, isTrusted, markDoneInBacklog, resolveCommand, RunEvents, trustFolder } from '../../engine';
import type { AttemptRunner } from '../../engine/attemptRunner';
import { loadProject, type LoadedProject } from '../../project/loadBacklog';
import { openStore } from '../../store/index';
import type { Store } from '../../store/types';
import type { Session } from '../session';
import { toLiveEvent } from './runsLiveEvent';

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

  async function load(): Promise<ApiResult<LoadedProject>> {
    const project = session.current();
    if (!project) return noProject;
    const loaded = await loadProject(project.dir);
    return loaded.ok ? loaded : { ok: false, error: { code: loaded.error.code, message: loaded.error.message } };
  }

  async function open(cluster?: { runner: AttemptRunner; events: RunEvents }): Promise<ApiResult<Opened>> {
    const loaded = await load();
    if (!loaded.ok) return loaded;
    const { projectDir, tasks, config, path } = loaded.value;
    const store = openStore(projectDir);
    if (!store.ok) return { ok: false, error: { code: store.error.code, message: store.error.message } };
    const engine = new Engine({ projectDir, tasks, config, store: store.value, markDone: markDoneInBacklog(path), env, runner: cluster?.runner, events: cluster?.events });
    const strategies = engine.strategies();
    // "retry 2 of 3": the category's retries plus the first attempt.
    const maxAttemptsOf = (category: string): number | null => {
      if (!strategies.ok) return null;
      const s = (strategies.value as Readonly<Record<string, { maxRetries: number } | undefined>>)[category];
      return s ? s.maxRetries + 1 : null;
    };
    engine.events.on((e) => session.emit('run:event', toLiveEvent(e, now(), maxAttemptsOf)));
    engines.add(engine);
    return { ok: true, value: { engine, store: store.value, loaded: loaded.value } };
  }

  function finish(o: Opened, kind: BatchFinished['kind'], startedAt: number, counts: Omit<BatchFinished, 'kind' | 'durationMs'>): void {
    engines.delete(o.engine);
    o.store.close();
    session.emit('run:batch-finished', { kind, durationMs: now() - startedAt, ...counts });
  }

  async function plan(args: { taskIds?: string[]; auto?: AutoRunOptions }): Promise<ApiResult<RunPlan>> {
    const loaded = await load();
    if (!loaded.ok) return loaded;
    const { projectDir, tasks, config } = loaded.value;
    const trusted = isTrusted(projectDir, env);
    if (args.auto) {
      const opened = openStore(projectDir);
      if (!opened.ok) return { ok: false, error: { code: opened.error.code, message: opened.error.message } };
      try {
        const engine = new Engine({ projectDir, tasks, config, store: opened.value, env });
        const planned = engine.planAuto(args.auto);
        if (!planned.ok) return planned;
        return {
          ok: true,
          value: {
            projectDir, trusted,
            commands: planned.value.order.map((p) => ({ taskId: p.task.id, title: p.task.title, command: p.command })),
            excluded: planned.value.excluded.map((x) => ({ taskId: x.task.id, title: x.task.title, reason: x.reason })),
          },
        };
      } finally {
        opened.value.close();
      }
    }
    const commands: RunPlan['commands'] = [];
    const excluded: RunPlan['excluded'] = [];
    for (const id of args.taskIds ?? []) {
      const task = tasks.find((t) => t.id === id);
      if (!task) {
        excluded.push({ taskId: id, title: '', reason: 'not in the backlog' });
        continue;
      }
      const resolved = resolveCommand(task, config, null);
      if (resolved.kind === 'command') commands.push({ taskId: id, title: task.title, command: resolved.command });
      else excluded.push({ taskId: id, title: task.title, reason: resolved.kind === 'manual' ? resolved.reason : resolved.message });
    }
    return { ok: true, value: { projectDir, trusted, commands, excluded } };
  }

  async function start(taskIds: string[], parallel: number): Promise<ApiResult<{ started: string[] }>> {
    const checked = await plan({ taskIds });
    if (!checked.ok) return checked;
    if (!checked.value.trusted) return { ok: false, error: { code: 'untrusted', message: `${checked.value.projectDir} is not trusted yet: review the commands and trust the folder first.` } };
    if (checked.value.commands.length === 0) {
      const why = checked.value.excluded.map((x) => `${x.taskId}: ${x.reason}`).join('; ');
      return { ok: false, error: { code: 'nothing-to-run', message: `Nothing to run. ${why}` } };
    }
    const opened = await open();
    if (!opened.ok) return opened;
    const o = opened.value;
    const queue = checked.value.commands.map((c) => c.taskId);
    const startedAt = now();
    let succeeded = 0;
    let failed = 0;
    let firstError: string | null = null;
    const worker = async (): Promise<void> => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        if (o.engine.autoStopped) return;
        const result = await o.engine.runOne(id);
        if (result.ok && result.value.outcome === 'succeeded') succeeded++;
        else {
          failed++;
          if (!result.ok) firstError ??= result.error.message;
        }
      }
    };
    void Promise.all(Array.from({ length: Math.min(parallel, queue.length) }, worker)).finally(() =>
      finish(o, 'selection', startedAt, { succeeded, failed, notStarted: queue.length, error: firstError }),
    );
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
    if (!checked.value.trusted) return { ok: false, error: { code: 'untrusted', message: `${checked.value.projectDir} is not trusted yet: review the commands and trust the folder first.` } };
    const cluster = opts.cluster ? await openCluster() : null;
    if (cluster && !cluster.ok) return cluster;
    const coordinator = cluster?.value ?? null;
    const opened = await open(coordinator ?? undefined);
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
      .then((result) => {
        const s = result.ok ? result.value : null;
        finish(o, 'auto', startedAt, {
          succeeded: s ? s.results.filter((r) => r.outcome === 'succeeded').length : 0,
          failed: s ? s.results.filter((r) => r.outcome !== 'succeeded').length : 0,
          notStarted: s ? s.notStarted.length : 0,
          error: result.ok ? null : result.error.message,
        });
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
    async trust(): Promise<ApiResult<{ trusted: true; path: string }>> {
      const project = session.current();
      if (!project) return noProject;
      try {
        return { ok: true, value: { trusted: true, path: trustFolder(project.dir, new Date(now()), env) } };
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
  };
}

export type RunController = ReturnType<typeof createRunController>;
