// The engine against the sample project's real scripts, a real SQLite store, real
// processes. Backoff sleeps are instant (recorded) so retries do not slow the suite.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBacklog } from '../../src/main/core/backlog';
import { makeFixture, type Fixture } from './engineFixture';

let fx: Fixture | null = null;
afterEach(() => {
  fx?.cleanup();
  fx = null;
});

function statusInBacklog(dir: string, id: string): string | undefined {
  return parseBacklog(readFileSync(join(dir, 'backlog.md'), 'utf8')).tasks.find((t) => t.id === id)?.status;
}

/** Alive and not a zombie (a dead orphan waiting for init to reap it). */
function running_(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}

describe('engine: one task', () => {
  it('refuses to run anything in an untrusted folder and says how to trust it', async () => {
    fx = await makeFixture({ trust: false });
    const result = await fx.engine.runOne('B-207');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('untrusted');
    expect(result.error.message).toContain('taskdeck trust --project');
    expect(result.error.message).toContain('node scripts/write-output.mjs');
    expect(existsSync(join(fx.dir, 'out', 'report.txt'))).toBe(false);
    expect(fx.store.attempts()).toEqual([]);
  });

  it('runs a task with its environment, records it, logs it and writes done back', async () => {
    fx = await makeFixture();
    const result = await fx.engine.runOne('B-207');
    expect(result.ok && result.value.outcome).toBe('succeeded');
    if (!result.ok) return;
    const report = readFileSync(join(fx.dir, 'out', 'report.txt'), 'utf8');
    expect(report).toContain('task: B-207 Generate the weekly report');
    expect(report).toContain(`run: ${result.value.runId} attempt 1`);
    const [attempt] = fx.store.attempts('B-207');
    expect(attempt).toMatchObject({ outcome: 'succeeded', exitCode: 0, attempt: 1, trigger: 'manual', command: 'node scripts/write-output.mjs' });
    expect(fx.store.taskState('B-207')?.status).toBe('succeeded');
    expect(fx.store.history('B-207').map((e) => e.type)).toEqual(expect.arrayContaining(['started', 'succeeded']));
    const log = readFileSync(result.value.logPath, 'utf8');
    expect(log).toContain('B-207 attempt 1');
    expect(log).toContain('write-output: wrote');
    expect(statusInBacklog(fx.dir, 'B-207')).toBe('done');
    expect(fx.events.some((e) => e.type === 'written-back' && e.ok)).toBe(true);
  });

  it('writes done back without clobbering an edit made to the file while the task ran', async () => {
    fx = await makeFixture();
    const file = join(fx.dir, 'backlog.md');
    const engine = fx.engine;
    const off = engine.events.on((e) => {
      // Someone edits another task's title while B-207 runs.
      if (e.type === 'task-started') writeFileSync(file, readFileSync(file, 'utf8').replace('| B-206 | Validate the seed data |', '| B-206 | Validate the seed data twice |'));
    });
    const result = await engine.runOne('B-207');
    off();
    expect(result.ok && result.value.outcome).toBe('succeeded');
    const tasks = parseBacklog(readFileSync(file, 'utf8')).tasks;
    expect(tasks.find((t) => t.id === 'B-206')?.title).toBe('Validate the seed data twice');
    expect(tasks.find((t) => t.id === 'B-207')?.status).toBe('done');
  });

  it('streams progress lines to listeners and the history', async () => {
    fx = await makeFixture();
    const result = await fx.engine.runOne('B-202');
    expect(result.ok && result.value.outcome).toBe('succeeded');
    const progress = fx.events.filter((e) => e.type === 'progress').map((e) => (e.type === 'progress' ? e.percent : -1));
    expect(progress).toEqual([10, 30, 55, 80, 100]);
    expect(fx.store.history('B-202').filter((e) => e.type === 'progress')).toHaveLength(5);
  });

  it('retries a flaky network failure with backoff and records every step', async () => {
    fx = await makeFixture();
    const result = await fx.engine.runOne('B-203');
    expect(result.ok && result.value).toMatchObject({ outcome: 'succeeded', attempts: 2 });
    // random() = 0.5 puts the jitter in the middle: exactly the 1 s base delay.
    expect(fx.sleeps).toEqual([1000]);
    const types = fx.store.history('B-203').map((e) => e.type).reverse();
    expect(types).toEqual(['started', 'recovery_action', 'retry_scheduled', 'started', 'succeeded', 'recovered']);
    const retry = fx.store.history('B-203').find((e) => e.type === 'retry_scheduled');
    expect(retry?.data).toMatchObject({ delayMs: 1000, category: 'network', nextAttempt: 2 });
    const [error] = fx.store.errors({ taskId: 'B-203' });
    expect(error).toMatchObject({ category: 'network', severity: 'low' });
    expect(error?.message).toContain('ECONNREFUSED');
    expect(fx.store.recoveries('B-203')).toMatchObject([{ action: 'wait-with-backoff', outcome: 'succeeded' }]);
    expect(fx.store.attempts('B-203').map((a) => [a.attempt, a.trigger, a.outcome])).toEqual([
      [2, 'retry', 'succeeded'],
      [1, 'manual', 'failed'],
    ]);
    expect(fx.store.taskState('B-203')).toMatchObject({ status: 'succeeded', retryCount: 1 });
  });

  it('kills a hanging task and its grandchild on timeout, extends the timeout for the retry', async () => {
    // 1.5 s: long enough for hang.mjs to start its helper even on a busy machine.
    fx = await makeFixture({ config: { retry: { timeout: { maxRetries: 1 } } } });
    const result = await fx.engine.runOne('B-204', 1.5);
    expect(result.ok && result.value).toMatchObject({ outcome: 'timeout', attempts: 2, category: 'timeout' });
    const grandchild = Number(readFileSync(join(fx.dir, '.taskdeck', 'hang-grandchild.pid'), 'utf8'));
    expect(grandchild).toBeGreaterThan(0);
    expect(running_(grandchild)).toBe(false);
    const attempts = fx.store.attempts('B-204');
    // Doubled from the first timeout for the retry.
    expect(attempts.map((a) => [a.outcome, a.timeoutMs])).toEqual([
      ['timeout', 3000],
      ['timeout', 1500],
    ]);
    expect(fx.store.recoveries('B-204')).toMatchObject([{ action: 'extend-timeout', outcome: 'succeeded' }]);
    expect(fx.store.taskState('B-204')?.status).toBe('timeout');
  });

  it('recovers a file_system failure by deleting the task\'s temp files, then retries', async () => {
    // Fails while a stale partial file is in the way; the recovery removes it.
    const script = "const fs = require('fs'); if (fs.existsSync('tmp/F-1/stale.part')) { console.error('::error category=file_system::EEXIST: stale partial file tmp/F-1/stale.part'); process.exit(1); } console.log('clean');";
    const backlog = `# Backlog\n\n| ID | Title | Priority | Points | Status | Dependencies |\n|---|---|---|---|---|---|\n| F-1 | Build the bundle | P1 | 1 | todo | None |\n<!-- run: node -e "${script}" -->\n`;
    fx = await makeFixture({ backlog, config: { tempFiles: ['tmp/{task}/*.part'] } });
    mkdirSync(join(fx.dir, 'tmp', 'F-1'), { recursive: true });
    writeFileSync(join(fx.dir, 'tmp', 'F-1', 'stale.part'), 'half');
    writeFileSync(join(fx.dir, 'tmp', 'F-1', 'keep.txt'), 'mine');
    const result = await fx.engine.runOne('F-1');
    expect(result.ok && result.value).toMatchObject({ outcome: 'succeeded', attempts: 2 });
    expect(fx.store.recoveries('F-1')).toMatchObject([{ action: 'clean-temp-files', outcome: 'succeeded', category: 'file_system' }]);
    expect(fx.store.recoveries('F-1')[0]?.detail).toContain('tmp/F-1/stale.part');
    expect(existsSync(join(fx.dir, 'tmp', 'F-1', 'keep.txt'))).toBe(true);
  });

  it('reopens its own database connection after a database error, and keeps recording', async () => {
    const script = "const fs = require('fs'); if (!fs.existsSync('once')) { fs.writeFileSync('once', ''); console.error('Error: SQLITE_BUSY: database is locked'); process.exit(1); }";
    const backlog = `# Backlog\n\n| ID | Title | Priority | Points | Status | Dependencies |\n|---|---|---|---|---|---|\n| D-1 | Import rows | P1 | 1 | todo | None |\n<!-- run: node -e "${script}" -->\n`;
    fx = await makeFixture({ backlog });
    const result = await fx.engine.runOne('D-1');
    expect(result.ok && result.value).toMatchObject({ outcome: 'succeeded', attempts: 2 });
    expect(fx.store.errors({ taskId: 'D-1' })[0]?.category).toBe('database');
    expect(fx.store.recoveries('D-1')).toMatchObject([{ action: 'reopen-connection', outcome: 'succeeded' }]);
    // Written through the reopened connection.
    expect(fx.store.history('D-1').map((e) => e.type)).toContain('recovered');
    expect(fx.store.taskState('D-1')?.status).toBe('succeeded');
  });

  it('fails a permission error at once, recording the path and a suggested fix', async () => {
    fx = await makeFixture();
    const result = await fx.engine.runOne('B-205');
    expect(result.ok && result.value).toMatchObject({ outcome: 'failed', attempts: 1, category: 'permission' });
    const [recovery] = fx.store.recoveries('B-205');
    expect(recovery).toMatchObject({ action: 'record-path-and-suggest', outcome: 'skipped' });
    expect(recovery?.detail).toContain('permission-demo/locked.sh');
    expect(recovery?.detail).toContain('never changes permissions');
    expect(statusInBacklog(fx.dir, 'B-205')).toBe('todo');
    // The script prints `permission: EACCES: ...`; the record names the category once.
    const recorded = fx.store.taskState('B-205')?.errorMessage ?? '';
    expect(recorded).toMatch(/^permission: EACCES: permission denied/);
    expect(recorded).not.toContain('permission: permission:');
  });

  it('does not retry a validation error', async () => {
    fx = await makeFixture();
    const result = await fx.engine.runOne('B-206');
    expect(result.ok && result.value).toMatchObject({ outcome: 'failed', attempts: 1, category: 'validation' });
    expect(fx.store.errors({ taskId: 'B-206' })[0]?.message).toContain('"count" must be a number');
    expect(fx.sleeps).toEqual([]);
  });

  it('reports a command that does not exist as an execution error with a clear message', async () => {
    const backlog = '# Backlog\n\n| ID | Title | Priority | Points | Status | Dependencies |\n|---|---|---|---|---|---|\n| T-1 | Missing tool | P1 | 1 | todo | None |\n<!-- run: taskdeck-no-such-tool --go -->\n';
    fx = await makeFixture({ backlog, config: { retry: { execution: { maxRetries: 0 } } } });
    const result = await fx.engine.runOne('T-1');
    expect(result.ok && result.value).toMatchObject({ outcome: 'failed', category: 'execution' });
    const message = result.ok ? (result.value.message ?? '') : '';
    expect(message).toContain('command not found');
    expect(message).toContain('taskdeck-no-such-tool');
  });

  it('treats a task without a command as manual', async () => {
    fx = await makeFixture();
    const result = await fx.engine.runOne('B-108');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('manual-task');
    expect(!result.ok && result.error.message).toContain('taskdeck done B-108');
  });

  it('does not run a human-required task: says it needs a person and how to confirm it', async () => {
    fx = await makeFixture();
    const result = await fx.engine.runOne('B-113');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('human-required');
    const message = !result.ok ? result.error.message : '';
    expect(message).toContain('B-113 needs a person (Needs the store account credentials');
    expect(message).toContain('`taskdeck done B-113`');
    expect(message).toContain('Confirm button');
    expect(fx.store.attempts()).toEqual([]);
  });

  it('cancels one running task, killing its tree', async () => {
    fx = await makeFixture();
    const engine = fx.engine;
    const started = new Promise<void>((resolve) => {
      const off = engine.events.on((e) => {
        if (e.type === 'task-started') {
          off();
          resolve();
        }
      });
    });
    const running = engine.runOne('B-204', 60);
    await started;
    const pidFile = join(fx.dir, '.taskdeck', 'hang-grandchild.pid');
    for (let waited = 0; !existsSync(pidFile) && waited < 15_000; waited += 25) await new Promise((r) => setTimeout(r, 25));
    expect(engine.running()).toEqual(['B-204']);
    expect(engine.cancel('B-204')).toBe(true);
    const result = await running;
    expect(result.ok && result.value.outcome).toBe('cancelled');
    expect(fx.store.taskState('B-204')?.status).toBe('cancelled');
    expect(running_(Number(readFileSync(join(fx.dir, '.taskdeck', 'hang-grandchild.pid'), 'utf8')))).toBe(false);
    expect(readdirSync(join(fx.dir, '.taskdeck', 'logs'))).toHaveLength(1);
  });
});
