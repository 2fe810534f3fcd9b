// auto's slots: a slot frees when its task's last process is gone, and the next task is
// spawned before that end is written, so the record's writes overlap the next run. What
// must still hold: never more processes than slots, and nothing about a task shown before
// its end is recorded.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeFixture, type Fixture } from './engineFixture';

let fx: Fixture | null = null;
afterEach(() => {
  fx?.cleanup();
  fx = null;
});

const header = '# Backlog\n\n| ID | Title | Priority | Points | Status | Dependencies |\n|---|---|---|---|---|---|\n';
/** Appends `start ID`, waits a little, appends `end ID`: overlapping runs interleave the lines. */
function row(id: string, deps = 'None', exit = 0): string {
  const command = `echo start ${id} >> trace.txt; sleep 0.05; echo end ${id} >> trace.txt; exit ${exit}`;
  return `| ${id} | Task ${id} | P2 | 1 | todo | ${deps} |\n<!-- run: ${command} -->\n`;
}

describe('engine: auto slots', () => {
  it('with one slot, never runs two processes at once, failures included', async () => {
    const ids = ['P-1', 'P-2', 'P-3', 'P-4', 'P-5'];
    const backlog = header + row('P-1') + row('P-2', 'None', 3) + row('P-3') + row('P-4', 'P-3') + row('P-5');
    fx = await makeFixture({ backlog, config: { writeBack: 'none', retry: { unknown: { maxRetries: 0 }, execution: { maxRetries: 0 } } } });
    const result = await fx.engine.auto({ parallel: 1 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.results.map((r) => r.taskId).sort()).toEqual(ids);
    const trace = readFileSync(join(fx.dir, 'trace.txt'), 'utf8').trim().split('\n');
    // start A, end A, start B, end B, ...: each run is over before the next begins.
    expect(trace).toHaveLength(2 * ids.length);
    for (let i = 0; i < trace.length; i += 2) {
      const id = trace[i]?.replace('start ', '');
      expect([trace[i], trace[i + 1]]).toEqual([`start ${id}`, `end ${id}`]);
    }
  });

  for (const writeBack of ['none', 'done'] as const) {
    it(`keeps the priority order through a freed slot: a dependent of the finished task goes before a lower priority (writeBack ${writeBack})`, async () => {
      const task = (id: string, priority: string, deps: string) => `| ${id} | Task ${id} | ${priority} | 1 | todo | ${deps} |\n<!-- run: echo ${id} >> order.txt -->\n`;
      const backlog = header + task('K-1', 'P1', 'None') + task('K-2', 'P1', 'K-1') + task('K-3', 'P1', 'K-2') + task('K-4', 'P3', 'None') + task('K-5', 'P2', 'None');
      fx = await makeFixture({ backlog, config: { writeBack } });
      const result = await fx.engine.auto({ parallel: 1 });
      expect(result.ok).toBe(true);
      expect(readFileSync(join(fx.dir, 'order.txt'), 'utf8').trim().split('\n')).toEqual(['K-1', 'K-2', 'K-3', 'K-5', 'K-4']);
    });
  }

  it("announces a task's end only once it is in the record, while the next task is already under way", async () => {
    const backlog = header + row('Q-1') + row('Q-2', 'None', 3) + row('Q-3') + row('Q-4', 'Q-3');
    fx = await makeFixture({ backlog, config: { writeBack: 'none', retry: { unknown: { maxRetries: 0 }, execution: { maxRetries: 0 } } } });
    const store = fx.store;
    const seen: [string, string | null, string | null | undefined][] = [];
    fx.engine.events.on((e) => {
      if (e.type !== 'task-finished') return;
      const attempt = store.attempts(e.taskId, 1)[0];
      seen.push([e.taskId, attempt?.outcome ?? null, store.taskState(e.taskId)?.status]);
    });
    const result = await fx.engine.auto({ parallel: 1 });
    expect(result.ok).toBe(true);
    expect(seen.sort()).toEqual([
      ['Q-1', 'succeeded', 'succeeded'],
      ['Q-2', 'failed', 'failed'],
      ['Q-3', 'succeeded', 'succeeded'],
      ['Q-4', 'succeeded', 'succeeded'],
    ]);
  });
});
