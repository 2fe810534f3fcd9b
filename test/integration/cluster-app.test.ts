// The app's auto form with "On the cluster": runs:auto { cluster: true } through the API
// handlers queues the project's tasks for real worker processes (taskdeck.json "cluster"),
// tells every client the cluster's state, and records the workers. Without a cluster in
// taskdeck.json, or with Redis down, it answers an error the form shows.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAppSession, dispatch } from '../../src/main/api';
import type { HandlerTable, Session } from '../../src/main/api';
import { runHandlers } from '../../src/main/api/handlers/runs';
import type { BatchFinished, LiveRunEvent, RunHistory } from '../../src/shared/api';
import { assertBuilt, waitFor } from './engineCli';
import { ClusterWorld, TestRedis, clusterHeader, clusterRow, freePort, journalCommand } from './clusterHarness';

let redis: TestRedis | null = null;
let world: ClusterWorld | null = null;
let session: Session | null = null;
beforeAll(() => assertBuilt());
afterEach(async () => {
  await session?.close();
  await world?.dispose();
  await redis?.dispose();
  session = null;
  world = null;
  redis = null;
});

async function openApp(dir: string, env: NodeJS.ProcessEnv): Promise<{ handlers: HandlerTable; events: LiveRunEvent[]; batches: BatchFinished[] }> {
  const app = await createAppSession({ projectDir: dir, watch: false });
  session = app.session;
  const handlers = { ...app.handlers, ...runHandlers(app.session, { env }) };
  const events: LiveRunEvent[] = [];
  const batches: BatchFinished[] = [];
  app.session.subscribe((name, payload) => {
    if (name === 'run:event') events.push(payload as LiveRunEvent);
    if (name === 'run:batch-finished') batches.push(payload as BatchFinished);
  });
  return { handlers, events, batches };
}

const autoArgs = { maxTasks: null, parallel: 2, includeHuman: false, cluster: true };

describe('cluster: the app\'s auto on the cluster', () => {
  it('runs the tasks on the workers, says so live, and the history names each worker', async () => {
    redis = await TestRedis.start();
    world = new ClusterWorld();
    const command = journalCommand(world, 20);
    const backlog = clusterHeader + clusterRow('A-1', 'None', command) + clusterRow('A-2', 'A-1', command) + clusterRow('A-3', 'None', command);
    const laptop = world.checkout('laptop', backlog);
    writeFileSync(join(laptop.dir, 'taskdeck.json'), JSON.stringify({ backlog: 'backlog.md', writeBack: 'none', cluster: { redis: redis.url, queue: 'app-test' } }));
    await world.startWorker('w1', redis.url, world.checkout('w1-checkout', backlog), ['--queue', 'app-test']);
    const { handlers, events, batches } = await openApp(laptop.dir, laptop.env);

    const started = await dispatch(handlers, 'runs:auto', autoArgs);
    expect(started).toMatchObject({ ok: true, value: { planned: 3 } });
    await waitFor(() => batches.length > 0, 60_000, 'the auto run to finish');
    expect(batches[0]).toMatchObject({ kind: 'auto', succeeded: 3, failed: 0, error: null });
    expect(events.find((e) => e.type === 'cluster')).toMatchObject({ state: 'connected', message: expect.stringContaining('queue "app-test"') });
    expect(events.filter((e) => e.type === 'task-started').map((e) => (e.type === 'task-started' ? e.worker : null))).toEqual(['w1', 'w1', 'w1']);
    const history = await dispatch(handlers, 'runs:history', { worker: 'w1' });
    expect(history.ok && (history.value as RunHistory).attempts.map((a) => [a.taskId, a.worker, a.status]).sort()).toEqual([
      ['A-1', 'w1', 'succeeded'],
      ['A-2', 'w1', 'succeeded'],
      ['A-3', 'w1', 'succeeded'],
    ]);
  }, 90_000);

  it('answers why not: no cluster in taskdeck.json, or Redis down (password masked)', async () => {
    world = new ClusterWorld();
    const laptop = world.checkout('laptop', clusterHeader + clusterRow('B-1', 'None', 'true'));
    const { handlers } = await openApp(laptop.dir, laptop.env);
    const none = await dispatch(handlers, 'runs:auto', autoArgs);
    expect(none).toMatchObject({ ok: false, error: { code: 'no-cluster' } });
    await session!.close();
    session = null;
    writeFileSync(join(laptop.dir, 'taskdeck.json'), JSON.stringify({ backlog: 'backlog.md', writeBack: 'none', cluster: { redis: `redis://:hush-hush@127.0.0.1:${await freePort()}` } }));
    const again = await openApp(laptop.dir, laptop.env);
    const down = await dispatch(again.handlers, 'runs:auto', autoArgs);
    expect(down).toMatchObject({ ok: false, error: { code: 'cluster-unreachable', message: expect.stringMatching(/^cannot reach Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+/) } });
    expect(JSON.stringify(down)).not.toContain('hush-hush');
  }, 60_000);
});
