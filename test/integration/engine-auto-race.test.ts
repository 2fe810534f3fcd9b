// Several `taskdeck auto` processes on one project at once, with write-back on: every
// task must run exactly once. Claiming a task (its lease) and checking that nobody has
// already run it are one IMMEDIATE transaction, so a runner that read the record before
// another finished a task still never starts it again.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli, startCli } from './engineCli';

const TASKS = 30;
const RUNNERS = 4;
const ROUNDS = 3;

let roots: string[] = [];
beforeAll(() => assertBuilt());
afterEach(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
  roots = [];
});

function backlog(): string {
  let text = '# Backlog\n\n| ID | Title | Priority | Points | Status | Dependencies |\n|---|---|---|---|---|---|\n';
  for (let i = 1; i <= TASKS; i++) {
    // Short tasks with varied lengths: runners finish and claim at interleaved moments.
    text += `| R-${i} | Task ${i} | medium | 1 | todo | None |\n<!-- run: sleep 0.0${i % 7} -->\n`;
  }
  return text;
}

async function round(): Promise<Map<string, number>> {
  const root = mkdtempSync(join(tmpdir(), 'taskdeck-auto-race-'));
  roots.push(root);
  const dir = join(root, 'project');
  const env = { ...process.env, TASKDECK_CONFIG_DIR: join(root, 'config'), NO_COLOR: '1' };
  const { mkdirSync } = await import('node:fs');
  mkdirSync(dir);
  writeFileSync(join(dir, 'backlog.md'), backlog());
  writeFileSync(join(dir, 'taskdeck.json'), JSON.stringify({ backlog: 'backlog.md', writeBack: 'done' }));
  expect((await runCli(['trust', '--project', dir], env)).code).toBe(0);
  const runners = Array.from({ length: RUNNERS }, () => startCli(['auto', '--project', dir, '--parallel', '2'], env));
  const results = await Promise.all(runners.map((r) => r.done));
  for (const [i, r] of results.entries()) expect(r.code, runners[i]!.stderr()).toBe(0);
  const db = new Database(join(dir, '.taskdeck', 'task_execution.db'), { readonly: true });
  try {
    const rows = db.prepare('SELECT task_id AS taskId, count(*) AS n FROM run_attempts GROUP BY task_id').all() as { taskId: string; n: number }[];
    return new Map(rows.map((r) => [r.taskId, r.n]));
  } finally {
    db.close();
  }
}

describe('concurrent auto runners', () => {
  it(`${RUNNERS} autos with write-back, ${TASKS} tasks, ${ROUNDS} rounds: every task runs exactly once`, async () => {
    for (let r = 0; r < ROUNDS; r++) {
      const counts = await round();
      const twice = [...counts].filter(([, n]) => n !== 1).map(([id, n]) => `${id} ×${n}`);
      expect(twice, `round ${r + 1}`).toEqual([]);
      expect(counts.size, `round ${r + 1}`).toBe(TASKS);
    }
  }, 240_000);
});
