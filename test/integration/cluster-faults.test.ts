// Cluster faults with real processes: a worker killed with SIGKILL mid-task, and Redis
// stopped and started again (empty: no persistence) in the middle of a run. The
// coordinator's record must show what happened and lose no task.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/main/store/index';
import type { AttemptRecord } from '../../src/main/store/types';
import { assertBuilt, runCli, startCli, waitFor } from './engineCli';
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

function attemptsOf(dir: string): AttemptRecord[] {
  const opened = openStore(dir, { readonly: true });
  if (!opened.ok) throw new Error(opened.error.message);
  try {
    return opened.value.attempts(undefined, 1000).reverse();
  } finally {
    opened.value.close();
  }
}

describe('cluster: faults', () => {
  it('a worker killed with SIGKILL mid-task: the attempt is interrupted and the task completes on another worker', async () => {
    redis = await TestRedis.start();
    world = new ClusterWorld();
    const backlog = clusterHeader + clusterRow('K-1', 'None', journalCommand(world, 2500));
    const coordinator = world.checkout('laptop', backlog);
    const first = await world.startWorker('first', redis.url, world.checkout('first-checkout', backlog));
    const auto = startCli(['auto', '--project', coordinator.dir, '--redis', redis.url], coordinator.env);
    await waitFor(() => auto.stdout().includes('start   K-1 attempt 1 on first'), 30_000, 'K-1 to start on the first worker');
    // Only now a second worker: the task can only have started on the first.
    await world.startWorker('second', redis.url, world.checkout('second-checkout', backlog));
    await waitFor(() => readJournal(world!).length > 0, 30_000, 'the task to be running');
    first.child.kill('SIGKILL');
    const { code } = await auto.done;
    expect(auto.stderr()).toBe('');
    expect(code).toBe(0);
    const attempts = attemptsOf(coordinator.dir);
    expect(attempts.map((a) => [a.taskId, a.attempt, a.worker, a.outcome])).toEqual([
      ['K-1', 1, 'first', 'interrupted'],
      ['K-1', 2, 'second', 'succeeded'],
    ]);
    expect(auto.stdout()).toMatch(/start {3}K-1 attempt 2 on second/);
    const history = await runCli(['history', 'K-1', '--project', coordinator.dir], coordinator.env);
    expect(history.stdout).toMatch(/WORKER/);
    expect(history.stdout).toMatch(/^\s*1 .* first .* interrupted/im);
    expect(history.stdout).toMatch(/^\s*2 .* second .* succeeded/im);
    // Both runs really started (the first was cut off, its process may have gone on).
    expect(readJournal(world).filter((e) => e.kind === 'start' && e.id === 'K-1').length).toBeGreaterThanOrEqual(2);
  }, 90_000);

  it('a worker stopped with SIGTERM mid-task cancels it, and the task runs again on another worker', async () => {
    redis = await TestRedis.start();
    world = new ClusterWorld();
    const backlog = clusterHeader + clusterRow('Q-1', 'None', journalCommand(world, 2500));
    const coordinator = world.checkout('laptop', backlog);
    const first = await world.startWorker('first', redis.url, world.checkout('first-checkout', backlog));
    const auto = startCli(['auto', '--project', coordinator.dir, '--redis', redis.url], coordinator.env);
    await waitFor(() => auto.stdout().includes('start   Q-1 attempt 1 on first'), 30_000, 'Q-1 to start on the first worker');
    await world.startWorker('second', redis.url, world.checkout('second-checkout', backlog));
    await waitFor(() => readJournal(world!).length > 0, 30_000, 'the task to be running');
    first.child.kill('SIGTERM');
    expect((await first.done).code).toBe(0);
    const { code } = await auto.done;
    expect(auto.stderr()).toBe('');
    expect(code).toBe(0);
    expect(attemptsOf(coordinator.dir).map((a) => [a.attempt, a.worker, a.outcome])).toEqual([
      [1, 'first', 'interrupted'],
      [2, 'second', 'succeeded'],
    ]);
    // The first run was stopped: only the second one ended.
    expect(readJournal(world).filter((e) => e.kind === 'end').map((e) => e.id)).toEqual(['Q-1']);
  }, 90_000);

  it('the coordinator killed with SIGKILL: its queued jobs are refused, not run unrecorded; the next auto runs each task once', async () => {
    redis = await TestRedis.start();
    world = new ClusterWorld();
    const command = journalCommand(world, 10);
    let backlog = clusterHeader;
    for (let i = 1; i <= 4; i += 1) backlog += clusterRow(`Z-${i}`, 'None', command);
    const coordinator = world.checkout('laptop', backlog);
    const env = { ...coordinator.env, TASKDECK_CLUSTER_COORDINATOR_TTL_MS: '1000' };
    // No worker yet: the jobs wait in the queue when the coordinator dies.
    const first = startCli(['auto', '--project', coordinator.dir, '--redis', redis.url], env);
    await waitFor(() => first.stdout().includes('0 worker connections online'), 30_000, 'the coordinator to queue');
    await new Promise((r) => setTimeout(r, 500));
    first.child.kill('SIGKILL');
    await first.done;
    await new Promise((r) => setTimeout(r, 1500)); // past its heartbeat's TTL
    const worker = await world.startWorker('w1', redis.url, world.checkout('w1-checkout', backlog));
    await waitFor(() => (worker.stdout().match(/is gone/g) ?? []).length >= 4, 30_000, 'the orphaned jobs to be refused');
    expect(readJournal(world)).toEqual([]);

    const again = startCli(['auto', '--project', coordinator.dir, '--redis', redis.url], env);
    const { code } = await again.done;
    expect(again.stderr()).toBe('');
    expect(code).toBe(0);
    expect(readJournal(world).filter((e) => e.kind === 'start').map((e) => e.id).sort()).toEqual(['Z-1', 'Z-2', 'Z-3', 'Z-4']);
  }, 90_000);

  it('a worker asked to stop while Redis is down still stops', async () => {
    redis = await TestRedis.start();
    world = new ClusterWorld();
    const backlog = clusterHeader + clusterRow('D-1', 'None', 'true');
    const worker = await world.startWorker('w1', redis.url, world.checkout('w1-checkout', backlog));
    await redis.stop();
    await waitFor(() => worker.stdout().includes(' lost ('), 20_000, 'the worker to notice');
    worker.child.kill('SIGTERM');
    const { code } = await worker.done;
    expect(code).toBe(0);
    expect(worker.stdout()).toContain('stopping');
  }, 60_000);

  it('Ctrl-C on the coordinator while Redis is down still ends the run', async () => {
    redis = await TestRedis.start();
    world = new ClusterWorld();
    const backlog = clusterHeader + clusterRow('E-1', 'None', journalCommand(world, 20_000)) + clusterRow('E-2', 'None', journalCommand(world, 20_000));
    const coordinator = world.checkout('laptop', backlog);
    await world.startWorker('w1', redis.url, world.checkout('w1-checkout', backlog));
    const auto = startCli(['auto', '--project', coordinator.dir, '--redis', redis.url], coordinator.env);
    await waitFor(() => /start {3}E-\d attempt 1 on w1/.test(auto.stdout()), 30_000, 'a task to start on the worker');
    await redis.stop();
    await waitFor(() => auto.stdout().includes('paused'), 20_000, 'the coordinator to pause');
    auto.child.kill('SIGINT');
    const { code } = await auto.done;
    expect(code).toBe(1);
    expect(auto.stdout()).toMatch(/2 cancelled/);
    // The queued one was recorded before it was queued (nothing runs unrecorded) and ends
    // cancelled, never having started; the running one is interrupted.
    expect(attemptsOf(coordinator.dir).map((a) => [a.worker, a.outcome]).sort()).toEqual([['w1', 'interrupted'], [null, 'cancelled']].sort());
  }, 90_000);

  it('Ctrl-C on the coordinator cancels the task running on a worker and drops the queued one', async () => {
    redis = await TestRedis.start();
    world = new ClusterWorld();
    const backlog = clusterHeader + clusterRow('C-1', 'None', journalCommand(world, 20_000)) + clusterRow('C-2', 'None', journalCommand(world, 20_000));
    const coordinator = world.checkout('laptop', backlog);
    const worker = await world.startWorker('w1', redis.url, world.checkout('w1-checkout', backlog));
    const auto = startCli(['auto', '--project', coordinator.dir, '--redis', redis.url], coordinator.env);
    await waitFor(() => /start {3}C-\d attempt 1 on w1/.test(auto.stdout()), 30_000, 'a task to start on the worker');
    await waitFor(() => readJournal(world!).length > 0, 30_000, 'the task to be running');
    auto.child.kill('SIGINT');
    const { code } = await auto.done;
    expect(code).toBe(1);
    expect(auto.stdout()).toMatch(/2 cancelled/);
    await waitFor(() => worker.stdout().includes('(asked by the coordinator)'), 10_000, 'the worker to cancel');
    const attempts = attemptsOf(coordinator.dir);
    // One ran on the worker and was cancelled there; the other never left the queue (it
    // was recorded before it was queued, and ends cancelled with no worker).
    expect(attempts.map((a) => [a.worker, a.outcome]).sort()).toEqual([['w1', 'cancelled'], [null, 'cancelled']].sort());
    expect(readJournal(world).filter((e) => e.kind === 'start')).toHaveLength(1);
    expect(readJournal(world).filter((e) => e.kind === 'end')).toHaveLength(0);
  }, 90_000);

  it('Redis stopped and started again (empty) mid-run: the coordinator says so, resumes, and every task succeeds', async () => {
    redis = await TestRedis.start();
    world = new ClusterWorld();
    const command = journalCommand(world, 300);
    let backlog = clusterHeader;
    for (let i = 1; i <= 12; i += 1) backlog += clusterRow(`R-${i}`, i > 6 ? `R-${i - 6}` : 'None', command);
    const coordinator = world.checkout('laptop', backlog);
    await world.startWorker('w1', redis.url, world.checkout('w1-checkout', backlog));
    await world.startWorker('w2', redis.url, world.checkout('w2-checkout', backlog));
    const auto = startCli(['auto', '--project', coordinator.dir, '--redis', redis.url], coordinator.env);
    await waitFor(() => (auto.stdout().match(/^ok {6}R-/gm) ?? []).length >= 2, 30_000, 'two tasks to finish');
    await redis.stop();
    await waitFor(() => auto.stdout().includes('lost'), 20_000, 'the coordinator to notice');
    await new Promise((r) => setTimeout(r, 1000));
    await redis.restart();
    const { code } = await auto.done;
    expect(auto.stderr()).toBe('');
    expect(code).toBe(0);
    expect(auto.stdout()).toMatch(/cluster: Redis at redis:\/\/127\.0\.0\.1:\d+ lost .*paused/);
    expect(auto.stdout()).toMatch(/cluster: Redis at redis:\/\/127\.0\.0\.1:\d+ is back; resuming/);
    const attempts = attemptsOf(coordinator.dir);
    const succeeded = attempts.filter((a) => a.outcome === 'succeeded').map((a) => a.taskId);
    expect(succeeded.sort()).toEqual(Array.from({ length: 12 }, (_, i) => `R-${i + 1}`).sort());
    // Every attempt is closed: succeeded, or interrupted when Redis lost it mid-run.
    expect(attempts.every((a) => a.outcome === 'succeeded' || a.outcome === 'interrupted')).toBe(true);
    // No dependent's attempt started before its dependency's successful attempt ended.
    for (let i = 7; i <= 12; i += 1) {
      const depDone = attempts.find((a) => a.taskId === `R-${i - 6}` && a.outcome === 'succeeded')!.endedAt!;
      const firstStart = Math.min(...attempts.filter((a) => a.taskId === `R-${i}`).map((a) => a.startedAt));
      expect(firstStart).toBeGreaterThanOrEqual(depDone);
    }
  }, 120_000);
});
