// Several real processes on one database file: concurrent writers (no SQLITE_BUSY),
// leases (no task runs twice), and crash recovery after SIGKILL.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/main/store/index';
import { bundleStore, removeDir, runScript, tempDir, writeScript } from './store-helpers';

let work: string;
let storeUrl: string;

beforeAll(async () => {
  work = tempDir('taskdeck-store-proc-');
  storeUrl = await bundleStore(work);
});
afterAll(() => removeDir(work));

function openOrThrow(dir: string): Store {
  const r = openStore(dir);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('two processes writing at once', () => {
  it('both finish every write with no SQLITE_BUSY, including the first-open migration race', async () => {
    const project = tempDir();
    const script = writeScript(work, 'writer.mjs', `
      import { openStore } from ${JSON.stringify(storeUrl)};
      const [project, name, count] = process.argv.slice(2);
      const r = openStore(project);
      if (!r.ok) { console.error(r.error.code, r.error.message); process.exit(3); }
      const s = r.value;
      for (let i = 0; i < Number(count); i++) {
        const now = Date.now();
        const taskId = name + '-' + (i % 50);
        const id = s.startAttempt({ runId: name, taskId, attempt: 1, trigger: 'auto', command: 'true', startedAt: now, logPath: null, ownerPid: process.pid });
        s.recordEvent({ taskId, runId: name, attemptId: id, type: 'started', message: 'go', at: now });
        s.setTaskState(taskId, { status: 'running', startedAt: now, completedAt: null, retryCount: 0, errorMessage: null, executionTime: null });
        s.finishAttempt(id, { endedAt: now + 1, durationMs: 1, exitCode: 0, signal: null, outcome: 'succeeded', peakRssKb: null, cpuMs: null });
        if (i % 100 === 0) s.ingestEvents(Array.from({ length: 500 }, (_, k) => ({ taskId, runId: name, type: 'output', message: 'line ' + k, at: now })));
      }
      s.close();
      console.log('done');
    `);
    const [a, b] = await Promise.all([runScript(script, [project, 'a', '1500']), runScript(script, [project, 'b', '1500'])]);
    expect(a.stderr + b.stderr).toBe('');
    expect([a.code, b.code]).toEqual([0, 0]);
    const store = openOrThrow(project);
    const stats = store.statistics();
    expect(stats.attempts).toBe(3000);
    expect(stats.byOutcome.succeeded).toBe(3000);
    expect(store.performance().reduce((n, m) => n + m.runs, 0)).toBe(3000);
    let events = 0;
    for (const _ of store.iterateHistory()) events++;
    expect(events).toBe(3000 + 2 * 15 * 500);
    store.close();
    removeDir(project);
  });
});

describe('leases across processes', () => {
  it('never gives one task to two live processes', async () => {
    const project = tempDir();
    openOrThrow(project).close();
    // Each process walks all tasks, from opposite ends, and waits at the midpoint for the
    // other: so it then tries every task the other holds while that one is alive, in either
    // interleaving, and the expected split is deterministic.
    const script = writeScript(work, 'leaser.mjs', `
      import fs from 'node:fs';
      import path from 'node:path';
      import { openStore } from ${JSON.stringify(storeUrl)};
      const [project, name, other, direction] = process.argv.slice(2);
      const r = openStore(project);
      if (!r.ok) { console.error(r.error.message); process.exit(3); }
      const s = r.value;
      const wait = async (marker) => { while (!fs.existsSync(path.join(project, marker))) await new Promise((res) => setTimeout(res, 5)); };
      const ids = Array.from({ length: 300 }, (_, i) => 'T' + i);
      if (direction === 'down') ids.reverse();
      const mine = [];
      for (let i = 0; i < ids.length; i++) {
        if (i === 150) {
          fs.writeFileSync(path.join(project, 'half-' + name), '');
          await wait('half-' + other);
        }
        const taskId = ids[i];
        if (s.acquireLease(taskId, name, 60000, Date.now())) {
          mine.push(taskId);
          s.recordEvent({ taskId, runId: name, type: 'started', message: name, at: Date.now() });
        }
      }
      // Stay alive until the other process is done too: a dead owner's lease may be taken over.
      fs.writeFileSync(path.join(project, 'done-' + name), '');
      await wait('done-' + other);
      console.log(JSON.stringify(mine));
      s.close();
    `);
    const [a, b] = await Promise.all([runScript(script, [project, 'a', 'b', 'up']), runScript(script, [project, 'b', 'a', 'down'])]);
    expect(a.stderr + b.stderr).toBe('');
    const mineA = JSON.parse(a.stdout) as string[];
    const mineB = JSON.parse(b.stdout) as string[];
    expect(mineA.filter((t) => mineB.includes(t))).toEqual([]);
    expect(mineA).toEqual(Array.from({ length: 150 }, (_, i) => `T${i}`));
    expect(mineB).toHaveLength(150);
    const store = openOrThrow(project);
    const started = new Map<string, number>();
    for (const e of store.iterateHistory()) started.set(e.taskId, (started.get(e.taskId) ?? 0) + 1);
    expect(started.size).toBe(300);
    expect([...started.values()].every((n) => n === 1)).toBe(true);
    store.close();
    removeDir(project);
  });

  it('takes over a lease whose owner process died', async () => {
    const project = tempDir();
    openOrThrow(project).close();
    const script = writeScript(work, 'lease-and-exit.mjs', `
      import { openStore } from ${JSON.stringify(storeUrl)};
      const r = openStore(process.argv[2]);
      if (!r.ok) process.exit(3);
      console.log(r.value.acquireLease('T1', 'gone', 3600000, Date.now()));
    `);
    const child = await runScript(script, [project]);
    expect(child.stdout.trim()).toBe('true');
    const store = openOrThrow(project);
    expect(store.acquireLease('T1', 'me', 1000, Date.now())).toBe(true);
    store.close();
    removeDir(project);
  });
});

describe('a runner killed with SIGKILL mid-attempt', () => {
  it('is found on the next start: attempt interrupted, earlier record intact, lease freed', async () => {
    const project = tempDir();
    const script = writeScript(work, 'victim.mjs', `
      import { openStore } from ${JSON.stringify(storeUrl)};
      const r = openStore(process.argv[2]);
      if (!r.ok) process.exit(3);
      const s = r.value;
      const t = Date.now();
      const done = s.startAttempt({ runId: 'run-1', taskId: 'EARLY', attempt: 1, trigger: 'auto', command: 'true', startedAt: t, logPath: null, ownerPid: process.pid });
      s.finishAttempt(done, { endedAt: t + 5, durationMs: 5, exitCode: 0, signal: null, outcome: 'succeeded', peakRssKb: null, cpuMs: null });
      s.setTaskState('EARLY', { status: 'succeeded', startedAt: t, completedAt: t + 5, retryCount: 0, errorMessage: null, executionTime: 5 });
      s.acquireLease('LONG', 'runner-1', 3600000, t);
      const id = s.startAttempt({ runId: 'run-1', taskId: 'LONG', attempt: 1, trigger: 'auto', command: 'sleep 999', startedAt: t, logPath: '.taskdeck/logs/run-1.log', ownerPid: process.pid });
      s.recordEvent({ taskId: 'LONG', runId: 'run-1', attemptId: id, type: 'started', message: 'started', at: t });
      s.recordEvent({ taskId: 'LONG', runId: 'run-1', attemptId: id, type: 'progress', message: '40 halfway', data: { percent: 40 }, at: t + 1 });
      s.setTaskState('LONG', { status: 'running', startedAt: t, completedAt: null, retryCount: 0, errorMessage: null, executionTime: null });
      console.log('ready');
      setInterval(() => {}, 1000);
    `);
    const child = spawn(process.execPath, [script, project], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
      child.on('exit', () => reject(new Error('victim exited early')));
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_c, sig) => resolve(sig)));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const store = openOrThrow(project);
    const recovered = store.recoverInterrupted(Date.now());
    expect(recovered).toBe(1);
    expect(store.recoverInterrupted(Date.now())).toBe(0);
    const [attempt] = store.attempts('LONG');
    expect(attempt?.outcome).toBe('interrupted');
    expect(attempt?.endedAt).not.toBeNull();
    expect(store.history('LONG').map((e) => e.type)).toEqual(['interrupted', 'progress', 'started']);
    expect(store.taskState('LONG')).toMatchObject({ status: 'interrupted' });
    expect(store.taskState('LONG')?.errorMessage).toContain('Interrupted');
    expect(store.taskState('EARLY')?.status).toBe('succeeded');
    expect(store.attempts('EARLY')[0]?.outcome).toBe('succeeded');
    expect(store.performance('LONG')[0]).toMatchObject({ runs: 1, failures: 1 });
    expect(store.acquireLease('LONG', 'runner-2', 1000, Date.now())).toBe(true);
    store.close();
    expect(fs.existsSync(path.join(project, '.taskdeck', 'task_execution.db'))).toBe(true);
    removeDir(project);
  });

  it('counts a runner that died but was never reaped (a zombie) as gone', async () => {
    if (process.platform !== 'linux') return;
    const project = tempDir();
    const script = writeScript(work, 'zombie-victim.mjs', `
      import { openStore } from ${JSON.stringify(storeUrl)};
      const r = openStore(process.argv[2]);
      if (!r.ok) process.exit(3);
      r.value.startAttempt({ runId: 'z', taskId: 'Z', attempt: 1, trigger: 'auto', command: 'x', startedAt: Date.now(), logPath: null, ownerPid: process.pid });
      console.log('ready ' + process.pid);
      setInterval(() => {}, 1000);
    `);
    // The victim's parent becomes \`sleep\`, which never reaps it: killed, it stays a zombie.
    const holder = spawn('sh', ['-c', `"${process.execPath}" "${script}" "${project}" & exec sleep 60`], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const pid = await new Promise<number>((resolve, reject) => {
        holder.stdout.on('data', (d: Buffer) => {
          const m = /ready (\d+)/.exec(d.toString());
          if (m) resolve(Number(m[1]));
        });
        holder.on('exit', () => reject(new Error('holder exited early')));
      });
      process.kill(pid, 'SIGKILL');
      await new Promise((r) => setTimeout(r, 300));
      expect(fs.readFileSync(`/proc/${pid}/stat`, 'utf8')).toMatch(/\) Z /);
      const store = openOrThrow(project);
      expect(store.recoverInterrupted(Date.now())).toBe(1);
      expect(store.attempts('Z')[0]?.outcome).toBe('interrupted');
      store.close();
    } finally {
      holder.kill('SIGKILL');
      removeDir(project);
    }
  });
});
