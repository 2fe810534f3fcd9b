// The `started` event (the attempt's process group) of a local attempt goes with the
// attempt's next commit: a short task costs its start and its end, a longer one gets the
// event on record while it runs, and a runner killed before it was written still has its
// task's group stopped by the next start (found by the run id in its environment).
import { spawn, spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { stopOrphanedRuns } from '../../src/main/engine/orphanedRuns';
import { makeFixture, type Fixture } from './engineFixture';

let fx: Fixture | null = null;
const leftovers: number[] = [];
afterEach(() => {
  fx?.cleanup();
  fx = null;
  for (const pid of leftovers.splice(0)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
});

const header = '# Backlog\n\n| ID | Title | Priority | Points | Status | Dependencies |\n|---|---|---|---|---|---|\n';
const row = (id: string, command: string, deps = 'None') => `| ${id} | Task ${id} | P2 | 1 | todo | ${deps} |\n<!-- run: ${command} -->\n`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A zombie (killed, not reaped yet) is not running.
  return !/^\d+ \(.*\) Z/.test(spawnSync('cat', [`/proc/${pid}/stat`], { encoding: 'utf8' }).stdout);
}

describe('engine: the started event', () => {
  it('is on record, with the process group, before the end of a short task, and first in its history', async () => {
    fx = await makeFixture({ backlog: header + row('S-1', 'true') + row('S-2', 'echo hi; exit 4'), config: { writeBack: 'none', retry: { unknown: { maxRetries: 0 }, execution: { maxRetries: 0 } } } });
    const result = await fx.engine.auto({ parallel: 1 });
    expect(result.ok).toBe(true);
    for (const [id, end] of [['S-1', 'succeeded'], ['S-2', 'failed']] as const) {
      const history = fx.store.history(id).sort((a, b) => a.id - b.id);
      expect(history.map((e) => e.type)).toEqual(['started', end]);
      expect((history[0]?.data as { pgid?: unknown }).pgid).toEqual(expect.any(Number));
    }
  });

  it('is on record while a longer task still runs', async () => {
    fx = await makeFixture({ backlog: header + row('L-1', 'sleep 0.6'), config: { writeBack: 'none' } });
    const store = fx.store;
    const running = fx.engine.auto({ parallel: 1 });
    let seen = false;
    for (let i = 0; i < 100 && !seen; i += 1) {
      await new Promise((r) => setTimeout(r, 20));
      const attempt = store.attempts('L-1', 1)[0];
      seen = attempt !== undefined && attempt.outcome === null && store.history('L-1').some((e) => e.type === 'started');
    }
    expect(seen).toBe(true);
    expect((await running).ok).toBe(true);
  });

  it("a dead runner's attempt with no started event: the group led by a process with its run id is stopped, nothing else", async () => {
    fx = await makeFixture({ backlog: header + row('O-1', 'true'), config: { writeBack: 'none' } });
    // A runner that is gone: a process that has exited.
    const dead = spawnSync('true').pid!;
    fx.store.syncTasks(fx.engine.tasks, Date.now());
    fx.store.startAttempt({ runId: 'run-orphan', taskId: 'O-1', attempt: 1, trigger: 'auto', command: 'sleep 30', startedAt: Date.now(), logPath: null, ownerPid: dead, timeoutMs: 60_000 });
    // The task it left: the leader of its own group, with the run id; a stranger with another run id.
    const orphan = spawn('sh', ['-c', 'sleep 30 & wait'], { detached: true, stdio: 'ignore', env: { ...process.env, TASKDECK_RUN_ID: 'run-orphan' } });
    const stranger = spawn('sh', ['-c', 'sleep 30 & wait'], { detached: true, stdio: 'ignore', env: { ...process.env, TASKDECK_RUN_ID: 'run-other' } });
    leftovers.push(orphan.pid!, stranger.pid!);
    await new Promise((r) => setTimeout(r, 100));
    const killed = stopOrphanedRuns(fx.store);
    expect(killed).toEqual([{ taskId: 'O-1', runId: 'run-orphan', pgid: orphan.pid }]);
    await new Promise((r) => setTimeout(r, 200));
    expect(alive(orphan.pid!)).toBe(false);
    expect(alive(stranger.pid!)).toBe(true);
  });
});
