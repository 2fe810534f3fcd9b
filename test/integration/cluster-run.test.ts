// A cluster run end to end: a real redis-server, three worker processes of the built CLI on
// their own checkouts, and `taskdeck auto --redis` as the coordinator. Thirty tasks in
// dependency chains run each exactly once, never before their dependencies ended, and the
// coordinator's record names the worker of every attempt.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

describe('cluster: auto over workers', () => {
  it('runs 30 tasks with dependencies over 3 workers, each exactly once and in dependency order', async () => {
    redis = await TestRedis.start();
    world = new ClusterWorld();
    const command = journalCommand(world, 60);
    // Five chains of six (C-k-1 ← C-k-2 ← ...), and every chain's fourth task also waits on
    // the previous chain's second: dependencies across chains too.
    const deps = new Map<string, string[]>();
    let backlog = clusterHeader;
    for (let k = 1; k <= 5; k += 1) {
      for (let i = 1; i <= 6; i += 1) {
        const id = `C-${k}${i}`;
        const d: string[] = [];
        if (i > 1) d.push(`C-${k}${i - 1}`);
        if (i === 4 && k > 1) d.push(`C-${k - 1}2`);
        deps.set(id, d);
        backlog += clusterRow(id, d.length ? d.join(', ') : 'None', command);
      }
    }
    const coordinator = world.checkout('laptop', backlog);
    for (const name of ['w1', 'w2', 'w3']) await world.startWorker(name, redis.url, world.checkout(`${name}-checkout`, backlog));

    const result = await runCli(['auto', '--project', coordinator.dir, '--redis', redis.url], coordinator.env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/cluster: queue "taskdeck" on redis:\/\/127\.0\.0\.1:\d+, 3 worker/);

    const journal = readJournal(world);
    const starts = journal.filter((e) => e.kind === 'start');
    expect(starts.map((e) => e.id).sort()).toEqual([...deps.keys()].sort());
    const endOf = new Map(journal.filter((e) => e.kind === 'end').map((e) => [e.id, e.at]));
    for (const s of starts) {
      for (const dep of deps.get(s.id)!) expect(endOf.get(dep)!, `${dep} ended before ${s.id} started`).toBeLessThanOrEqual(s.at);
    }

    const opened = openStore(coordinator.dir, { readonly: true });
    if (!opened.ok) throw new Error(opened.error.message);
    const attempts = opened.value.attempts(undefined, 1000);
    opened.value.close();
    expect(attempts).toHaveLength(30);
    expect(attempts.every((a) => a.outcome === 'succeeded')).toBe(true);
    expect(new Set(attempts.map((a) => a.worker))).toEqual(new Set(['w1', 'w2', 'w3']));
  }, 120_000);

  it('streams output and ::progress back into the coordinator\'s log and history, and retries by the coordinator\'s per-category policy', async () => {
    redis = await TestRedis.start();
    world = new ClusterWorld();
    // Fails with a reported network error on its first attempt, succeeds on the second.
    const script = join(world.root, 'flaky.cjs');
    writeFileSync(
      script,
      `const fs = require('fs');
const marker = ${JSON.stringify(join(world.root, 'flaky-ran'))};
console.log('hello from ' + process.env.TASKDECK_TASK_ID + ' attempt ' + process.env.TASKDECK_ATTEMPT);
console.log('::progress 50 halfway');
if (!fs.existsSync(marker)) { fs.writeFileSync(marker, '1'); console.error('::error category=network::upstream down'); process.exit(1); }
console.log('::progress 100 done');
`,
    );
    const backlog = clusterHeader + clusterRow('P-1', 'None', `node ${script}`);
    const coordinator = world.checkout('laptop', backlog);
    writeFileSync(join(coordinator.dir, 'taskdeck.json'), JSON.stringify({ backlog: 'backlog.md', writeBack: 'none', retry: { network: { maxRetries: 1, baseDelayMs: 10, jitter: false } } }));
    await world.startWorker('w1', redis.url, world.checkout('w1-checkout', backlog));

    const result = await runCli(['auto', '--project', coordinator.dir, '--redis', redis.url], coordinator.env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const opened = openStore(coordinator.dir, { readonly: true });
    if (!opened.ok) throw new Error(opened.error.message);
    const attempts = opened.value.attempts('P-1').reverse();
    const errors = opened.value.errors({ taskId: 'P-1' });
    const history = opened.value.history('P-1', 100);
    opened.value.close();
    expect(attempts.map((a) => [a.attempt, a.trigger, a.worker, a.outcome])).toEqual([
      [1, 'auto', 'w1', 'failed'],
      [2, 'retry', 'w1', 'succeeded'],
    ]);
    expect(errors.map((e) => [e.category, e.message])).toEqual([['network', 'upstream down']]);
    expect(history.filter((h) => h.type === 'progress').map((h) => h.message)).toEqual(expect.arrayContaining(['50% halfway', '100% done']));
    expect(history.some((h) => h.type === 'started' && h.message.startsWith('attempt 1 on worker w1: node '))).toBe(true);
    const log = readFileSync(attempts[0]!.logPath!, 'utf8');
    expect(log).toContain('hello from P-1 attempt 1');
    expect(log).toContain('hello from P-1 attempt 2');
    expect(log).toContain('::error category=network::upstream down');
  }, 90_000);

  it('says clearly, in one line and exit 1, that Redis is down at start, without the password', async () => {
    world = new ClusterWorld();
    const backlog = clusterHeader + clusterRow('D-1', 'None', 'true');
    const coordinator = world.checkout('laptop', backlog);
    const { freePort } = await import('./clusterHarness');
    const url = `redis://:s3cret-pw@127.0.0.1:${await freePort()}`;
    const auto = await runCli(['auto', '--project', coordinator.dir, '--redis', url], coordinator.env);
    expect(auto.code).toBe(1);
    expect(auto.stderr.trim().split('\n')).toHaveLength(1);
    expect(auto.stderr).toMatch(/^taskdeck: cannot reach Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+: /);
    expect(auto.stdout + auto.stderr).not.toContain('s3cret-pw');
    const worker = await runCli(['worker', '--project', coordinator.dir, '--redis', url], coordinator.env);
    expect(worker.code).toBe(1);
    expect(worker.stderr.trim().split('\n')).toHaveLength(1);
    expect(worker.stderr).toMatch(/cannot reach Redis at redis:\/\/:\*\*\*@/);
    expect(worker.stdout + worker.stderr).not.toContain('s3cret-pw');
  }, 60_000);
});
