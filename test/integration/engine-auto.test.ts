// `auto` through the engine: ordering, dependencies, blocking, dry runs, limits, and the
// whole sample project at once.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBacklog } from '../../src/main/core/backlog';
import { Engine } from '../../src/main/engine/engine';
import { openStore } from '../../src/main/store/index';
import { makeFixture, type Fixture } from './engineFixture';

let fx: Fixture | null = null;
afterEach(() => {
  fx?.cleanup();
  fx = null;
});

const header = '# Backlog\n\n| ID | Title | Priority | Points | Status | Dependencies |\n|---|---|---|---|---|---|\n';
function row(id: string, priority: string, deps: string, command: string): string {
  return `| ${id} | Task ${id} | ${priority} | 1 | todo | ${deps} |\n<!-- run: ${command} -->\n`;
}
const marker = (id: string) => `node -e "require('fs').mkdirSync('out',{recursive:true});require('fs').writeFileSync('out/${id}','ran')"`;

describe('engine: auto', () => {
  it('never starts a dependent of a failed task, and says which failure blocked it', async () => {
    const backlog = header + row('X-1', 'P1', 'None', 'node -e "process.exit(3)"') + row('X-2', 'P0', 'X-1', marker('X-2')) + row('X-3', 'P0', 'X-2', marker('X-3')) + row('X-4', 'P3', 'None', marker('X-4'));
    fx = await makeFixture({ backlog, config: { retry: { unknown: { maxRetries: 0 } } } });
    const result = await fx.engine.auto({ parallel: 2 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.results.map((r) => [r.taskId, r.outcome]).sort()).toEqual([
      ['X-1', 'failed'],
      ['X-4', 'succeeded'],
    ]);
    expect(existsSync(join(fx.dir, 'out', 'X-2'))).toBe(false);
    expect(existsSync(join(fx.dir, 'out', 'X-3'))).toBe(false);
    expect(fx.store.attempts('X-2')).toEqual([]);
    expect(result.value.blocked.map((b) => [b.task.id, b.by])).toEqual([
      ['X-2', 'X-1'],
      ['X-3', 'X-1'],
    ]);
    expect(result.value.blocked[1]?.reason).toContain('X-2 is blocked because X-1 failed');
    expect(fx.events.filter((e) => e.type === 'task-blocked').map((e) => e.taskId).sort()).toEqual(['X-2', 'X-3']);
  });

  it('counts a dependency that succeeded in an earlier run', async () => {
    const backlog = header + row('Y-1', 'P1', 'None', marker('Y-1')) + row('Y-2', 'P1', 'Y-1', marker('Y-2'));
    fx = await makeFixture({ backlog, config: { writeBack: 'none' } });
    expect(fx.engine.unmetDependencies('Y-2')).toEqual(['Y-1']);
    const first = await fx.engine.runOne('Y-1');
    expect(fx.engine.unmetDependencies('Y-2')).toEqual([]);
    expect(first.ok && first.value.outcome).toBe('succeeded');
    // The Markdown still says todo (no write-back); the store's success is what counts.
    const result = await fx.engine.auto({});
    expect(result.ok && result.value.results.map((r) => r.taskId)).toEqual(['Y-2']);
  });

  it('adopts the outcome of a task another engine in this process is running, instead of running it twice', async () => {
    const slow = `node -e "require('fs').appendFileSync('runs.txt', 'Z-1\\n'); setTimeout(() => {}, 800)"`;
    const backlog = header + row('Z-1', 'P0', 'None', slow) + row('Z-2', 'P1', 'Z-1', marker('Z-2'));
    fx = await makeFixture({ backlog, config: { writeBack: 'none' } });
    const opened = openStore(fx.dir);
    if (!opened.ok) throw new Error(opened.error.message);
    const other = new Engine({ projectDir: fx.dir, tasks: fx.engine.tasks, config: fx.engine.config, store: opened.value, env: fx.env, graceMs: 500 });
    try {
      const started = new Promise<void>((resolve) => other.events.on((e) => e.type === 'task-started' && resolve()));
      const selection = other.runOne('Z-1');
      await started;
      const result = await fx.engine.auto({});
      expect((await selection).ok).toBe(true);
      expect(result.ok && result.value.elsewhere).toEqual([{ taskId: 'Z-1', outcome: 'succeeded' }]);
      expect(result.ok && result.value.results.map((r) => r.taskId)).toEqual(['Z-2']);
      expect(readFileSync(join(fx.dir, 'runs.txt'), 'utf8')).toBe('Z-1\n');
    } finally {
      opened.value.close();
    }
  });

  it('plans a dry run without running anything', async () => {
    fx = await makeFixture();
    const plan = fx.engine.planAuto({});
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    const ids = plan.value.order.map((p) => p.task.id);
    // P1 first (by rank), the chain in dependency order, the P3s last.
    expect(ids.slice(0, 4)).toEqual(['B-201', 'B-210', 'B-211', 'B-212']);
    expect(ids).toContain('B-208');
    expect(plan.value.order.find((p) => p.task.id === 'B-208')?.command).toBe('node scripts/quick.mjs');
    expect(plan.value.order.find((p) => p.task.id === 'B-204')?.timeoutMs).toBe(3000);
    expect(plan.value.excluded.map((e) => e.task.id)).toContain('B-113');
    expect(existsSync(join(fx.dir, '.taskdeck', 'logs'))).toBe(false);
    expect(fx.store.attempts()).toEqual([]);
  });

  it('starts at most --max-tasks tasks', async () => {
    fx = await makeFixture();
    const result = await fx.engine.auto({ maxTasks: 2 });
    expect(result.ok && result.value.results.map((r) => r.taskId)).toEqual(['B-201', 'B-210']);
    expect(result.ok && result.value.notStarted.map((t) => t.id)).toContain('B-211');
  });

  it('cancel all stops every running task and starts nothing new', async () => {
    const forever = 'node -e "setInterval(() => {}, 1000)"';
    const backlog = header + row('C-1', 'P0', 'None', forever) + row('C-2', 'P0', 'None', forever) + row('C-3', 'P1', 'None', marker('C-3')) + row('C-4', 'P1', 'C-1', marker('C-4'));
    fx = await makeFixture({ backlog });
    const engine = fx.engine;
    let started = 0;
    const bothRunning = new Promise<void>((resolve) => {
      engine.events.on((e) => {
        if (e.type === 'task-started' && ++started === 2) resolve();
      });
    });
    const running = engine.auto({ parallel: 2 });
    await bothRunning;
    await new Promise((r) => setTimeout(r, 200));
    expect(engine.cancelAll()).toBe(2);
    const result = await running;
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.results.map((r) => [r.taskId, r.outcome]).sort()).toEqual([
      ['C-1', 'cancelled'],
      ['C-2', 'cancelled'],
    ]);
    expect(existsSync(join(fx.dir, 'out', 'C-3'))).toBe(false);
    expect(result.value.notStarted.map((t) => t.id)).toEqual(['C-3']);
    expect(result.value.blocked.map((b) => b.task.id)).toEqual(['C-4']);
    expect(fx.store.taskState('C-1')?.status).toBe('cancelled');
  });

  it('runs the whole sample project: chain in order, retries, timeout, failures, write-back', async () => {
    fx = await makeFixture({ config: { retry: { timeout: { maxRetries: 0 } } } });
    const result = await fx.engine.auto({ parallel: 3 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const outcomes = Object.fromEntries(result.value.results.map((r) => [r.taskId, r.outcome]));
    expect(outcomes).toEqual({
      'B-201': 'succeeded',
      'B-202': 'succeeded',
      'B-203': 'succeeded',
      'B-204': 'timeout',
      'B-205': 'failed',
      'B-206': 'failed',
      'B-207': 'succeeded',
      'B-208': 'succeeded',
      'B-210': 'succeeded',
      'B-211': 'succeeded',
      'B-212': 'succeeded',
    });
    // Each chain step started after the previous one ended.
    const [s1, s2, s3] = ['B-210', 'B-211', 'B-212'].map((id) => fx!.store.attempts(id)[0]!);
    expect(s2!.startedAt).toBeGreaterThanOrEqual(s1!.endedAt!);
    expect(s3!.startedAt).toBeGreaterThanOrEqual(s2!.endedAt!);
    expect(readFileSync(join(fx.dir, 'out', 'chain-3.txt'), 'utf8')).toBe('step 3 done\n');
    expect(result.value.excluded.map((e) => e.task.id)).toContain('B-113');
    expect(fx.store.attempts('B-113')).toEqual([]);
    const tasks = parseBacklog(readFileSync(join(fx.dir, 'backlog.md'), 'utf8')).tasks;
    const status = (id: string) => tasks.find((t) => t.id === id)?.status;
    expect(['B-201', 'B-203', 'B-210', 'B-212'].map(status)).toEqual(['done', 'done', 'done', 'done']);
    expect(['B-204', 'B-205', 'B-206'].map(status)).toEqual(['todo', 'todo', 'todo']);
    expect(readdirSync(join(fx.dir, '.taskdeck', 'logs'))).toHaveLength(11);
    // A second pass finds nothing left that can succeed without a human.
    const again = await fx.engine.auto({ parallel: 3 });
    expect(again.ok && again.value.results.map((r) => r.taskId).sort()).toEqual(['B-204', 'B-205', 'B-206']);
  });
});
