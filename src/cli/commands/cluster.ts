// `taskdeck worker`, and the cluster side of `taskdeck auto --redis` (docs/cluster.md).
// Thin: the worker and the coordinator live in src/main/cluster.
import { InvalidArgumentError, type Command } from 'commander';
import { resolve } from 'node:path';
import type { AttemptRunner } from '../../main/engine/attemptRunner';
import type { RunEvents } from '../../main/engine/runEvents';
import type { ProjectConfig } from '../../main/project/config';
import { CliFailure, reportFailure } from '../output/fail';
import { writeOut } from '../output/stdout';

export interface ClusterOpts {
  redis?: string;
  queue?: string;
  local?: boolean;
}

/** Where auto's cluster is: --redis, else taskdeck.json's "cluster"; null: run here. */
export function clusterTarget(opts: ClusterOpts, config: ProjectConfig): { redis: string; queue: string } | null {
  if (opts.local) return null;
  if (opts.redis) return { redis: opts.redis, queue: opts.queue ?? config.cluster?.queue ?? 'taskdeck' };
  if (config.cluster) return { redis: config.cluster.redis, queue: opts.queue ?? config.cluster.queue };
  return null;
}

/** Connects the coordinator, or fails with a one-line message (the URL masked). */
export async function openClusterRunner(target: { redis: string; queue: string }, events: RunEvents): Promise<{ runner: AttemptRunner; close: () => Promise<void> }> {
  const { ClusterCoordinator } = await import('../../main/cluster/clusterCoordinator');
  const opened = await ClusterCoordinator.open({ redisUrl: target.redis, queue: target.queue, events });
  if (!opened.ok) throw new CliFailure(opened.message);
  return { runner: opened.value.runner, close: () => opened.value.close() };
}

/** Names are shown and filtered on; ':' is kept for the history's "this machine" filter. */
function workerName(raw: string): string {
  const name = raw.trim();
  if (!/^[A-Za-z0-9_.@-]{1,64}$/.test(name)) throw new InvalidArgumentError('--name: 1 to 64 letters, digits, _ . @ - (no spaces or ":").');
  return name;
}

function positiveInt(raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0 || n > 256) throw new InvalidArgumentError('--concurrency must be a whole number from 1 to 256.');
  return n;
}

async function workerCommand(opts: { redis: string; project: string; concurrency: number; name?: string; queue?: string }): Promise<void> {
  const [{ checkRedis }, { ClusterWorker }, { loadConfig }] = await Promise.all([
    import('../../main/cluster/redisUrl'),
    import('../../main/cluster/clusterWorker'),
    import('../../main/project/config'),
  ]);
  const projectDir = resolve(opts.project);
  const config = await loadConfig(projectDir);
  if (!config.ok) throw new CliFailure(config.error.message);
  const problem = await checkRedis(opts.redis);
  if (problem) throw new CliFailure(problem);
  const stamp = (): string => new Date().toISOString();
  const log = (line: string): void => void writeOut(`${stamp()} ${line}\n`);
  const queue = opts.queue ?? config.value.cluster?.queue ?? 'taskdeck';
  const worker = new ClusterWorker({ redisUrl: opts.redis, queue, projectDir, concurrency: opts.concurrency, name: opts.name, log });
  const opened = await worker.checkoutReady();
  if (!opened.ok) throw new CliFailure(opened.message);
  await worker.start();
  const { maskRedisUrl } = await import('../../main/cluster/redisUrl');
  log(`worker ${worker.name} ready: queue "${queue}" on ${maskRedisUrl(opts.redis)}, project ${projectDir} (${opened.file}), ${opts.concurrency} at a time`);
  await new Promise<void>((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      log(`worker ${worker.name} stopping: running tasks are cancelled`);
      void worker.close().finally(() => {
        done();
        // A reconnecting client must not keep a stopped worker alive.
        setTimeout(() => process.exit(process.exitCode ?? 0), 200).unref();
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export function registerClusterCommands(program: Command): void {
  program
    .command('worker')
    .description('Run this project\'s queued tasks for a coordinator (`taskdeck auto --redis`); see docs/cluster.md')
    .requiredOption('--redis <url>', 'redis://[user:password@]host:port, or rediss:// for TLS')
    .option('--project <dir>', 'this machine\'s checkout of the project', '.')
    .option('--concurrency <n>', 'tasks run at once', positiveInt, 1)
    .option('--name <name>', 'this worker\'s name in the record (default: host and pid)', workerName)
    .option('--queue <name>', 'queue name (default: taskdeck.json\'s cluster.queue, else "taskdeck")')
    .action((opts: { redis: string; project: string; concurrency: number; name?: string; queue?: string }) => workerCommand(opts).catch(reportFailure));
}
