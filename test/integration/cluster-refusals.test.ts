// A worker runs only what its own checkout resolves and its own trust store allows: a job
// names the task and its command's sha256, never the command. Refusals reach the
// coordinator's record as failed attempts that name the worker and the reason, and nothing
// runs. Also: a Redis with a password works, and the password is never printed.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/main/store/index';
import { assertBuilt, runCli } from './engineCli';
import { ClusterWorld, TestRedis, clusterHeader, clusterRow, journalCommand, readJournal } from './clusterHarness';

let redis: TestRedis | null = null;
let world: ClusterWorld | null = null;
beforeAll(() => assertBuilt());
afterEach(async () => {
  await world?.dispose();
  await redis?.dispose();
  world = null;
  redis = null;
});

function record(dir: string) {
  const opened = openStore(dir, { readonly: true });
  if (!opened.ok) throw new Error(opened.error.message);
  try {
    return { attempts: opened.value.attempts(undefined, 100), errors: opened.value.errors({}) };
  } finally {
    opened.value.close();
  }
}

describe('cluster: refusals', () => {
  it('a worker on another commit refuses a task it lacks or whose command differs, and runs the one it has', async () => {
    redis = await TestRedis.start();
    world = new ClusterWorld();
    const command = journalCommand(world, 10);
    const coordinatorBacklog = clusterHeader + clusterRow('S-1', 'None', command) + clusterRow('S-2', 'None', command) + clusterRow('S-3', 'None', command);
    // The worker's checkout: S-2's command changed, S-3 not there at all.
    const workerBacklog = clusterHeader + clusterRow('S-1', 'None', command) + clusterRow('S-2', 'None', `${command} --other`);
    const coordinator = world.checkout('laptop', coordinatorBacklog);
    const worker = await world.startWorker('old', redis.url, world.checkout('old-checkout', workerBacklog));

    const auto = await runCli(['auto', '--project', coordinator.dir, '--redis', redis.url], coordinator.env);
    expect(auto.code).toBe(1);
    const { attempts, errors } = record(coordinator.dir);
    const byTask = new Map(attempts.map((a) => [a.taskId, a]));
    expect(byTask.get('S-1')).toMatchObject({ worker: 'old', outcome: 'succeeded' });
    expect(byTask.get('S-2')).toMatchObject({ worker: 'old', outcome: 'failed' });
    expect(byTask.get('S-3')).toMatchObject({ worker: 'old', outcome: 'failed' });
    const messageOf = (taskId: string) => errors.find((e) => e.taskId === taskId)?.message ?? '';
    expect(messageOf('S-2')).toMatch(/^refused by worker old: different command: .*sha256 differs/);
    expect(messageOf('S-3')).toMatch(/^refused by worker old: unknown task: .*no task S-3/);
    expect(readJournal(world).map((e) => `${e.kind} ${e.id}`)).toEqual(['start S-1', 'end S-1']);
    expect(auto.stdout).toMatch(/refused by worker old: unknown task/);
    expect(worker.stdout()).toMatch(/refuse {2}S-3/);
  }, 90_000);

  it('a job put into Redis by someone else, malformed or naming a command by text, is refused and runs nothing', async () => {
    redis = await TestRedis.start();
    world = new ClusterWorld();
    const backlog = clusterHeader + clusterRow('H-1', 'None', journalCommand(world, 10));
    const worker = await world.startWorker('guard', redis.url, world.checkout('guard-checkout', backlog));
    const { Queue, QueueEvents } = await import('bullmq');
    const { connectRedis } = await import('../../src/main/cluster/redisUrl');
    const connection = connectRedis(redis.url);
    const eventsConnection = connectRedis(redis.url);
    const queue = new Queue('taskdeck', { connection });
    const queueEvents = new QueueEvents('taskdeck', { connection: eventsConnection });
    try {
      await queueEvents.waitUntilReady();
      const hostile = await queue.add('run', { taskId: 'H-1', command: 'touch /tmp/pwned', commandSha256: 'x', runId: 'r', attempt: 1, timeoutMs: 1000, graceMs: 0, streamCapBytes: 0 });
      const answer = (await hostile.waitUntilFinished(queueEvents, 20_000)) as { kind: string; reason: string };
      expect(answer.kind).toBe('refused');
      expect(answer.reason).toMatch(/^malformed job: commandSha256/);
    } finally {
      await queueEvents.close();
      await queue.close();
      connection.disconnect();
      eventsConnection.disconnect();
    }
    expect(readJournal(world)).toEqual([]);
    expect(worker.stdout()).toMatch(/refuse {2}job \S+: malformed job/);
  }, 60_000);

  it('a worker whose machine does not trust its checkout refuses every task; a password in the URL is never printed', async () => {
    redis = await TestRedis.start({ password: 'pw-Very-Secret-42' });
    world = new ClusterWorld();
    const backlog = clusterHeader + clusterRow('U-1', 'None', journalCommand(world, 10));
    const coordinator = world.checkout('laptop', backlog);
    const worker = await world.startWorker('stranger', redis.url, world.checkout('stranger-checkout', backlog, { trusted: false }));

    const auto = await runCli(['auto', '--project', coordinator.dir, '--redis', redis.url], coordinator.env);
    expect(auto.code).toBe(1);
    const { attempts, errors } = record(coordinator.dir);
    expect(attempts.map((a) => [a.taskId, a.worker, a.outcome])).toEqual([['U-1', 'stranger', 'failed']]);
    expect(errors[0]).toMatchObject({ taskId: 'U-1', category: 'permission' });
    expect(errors[0]!.message).toMatch(/^refused by worker stranger: not trusted: /);
    expect(readJournal(world)).toEqual([]);
    expect(auto.stdout).toMatch(/redis:\/\/:\*\*\*@127\.0\.0\.1/);
    expect(worker.stdout()).toMatch(/redis:\/\/:\*\*\*@127\.0\.0\.1/);
    for (const text of [auto.stdout, auto.stderr, worker.stdout(), worker.stderr()]) expect(text).not.toContain('pw-Very-Secret-42');
  }, 90_000);
});
