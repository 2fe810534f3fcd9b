// The toolkit's own kind of queries, as its scripts and notebooks run them, against a
// task_execution.db filled by the real engine running real commands through the built CLI.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from './engineCli';
import { copySample } from './engineFixture';

const header = '# Backlog\n\n| ID | Title | Priority | Points | Status | Problem/Outcome | Tech Footprint | Dependencies |\n|---|---|---|---|---|---|---|---|\n';
const backlog =
  header +
  '| Q-1 | Reports progress | P1 | 3 | todo | Show progress | node | None |\n' +
  `<!-- run: node -e "console.log('::progress 40 halfway'); setTimeout(() => console.log('::progress 90'), 50)" -->\n` +
  '<!--score: {bv:5, tc:3, rr:5, le:4, effort:3, deps:[]}-->\n<!--score_total: 5.7-->\n' +
  '| Q-2 | Always fails | P2 | 1 | todo | Fail loudly | bash | Q-1 |\n' +
  '<!-- run: node -e "process.exit(3)" -->\n' +
  '| Q-3 | Never run | P3 | 2 | todo | Wait | none | None |\n';

let root: string;
let db: Database.Database;
let before: string;

beforeAll(async () => {
  assertBuilt();
  const copy = copySample();
  root = copy.root;
  writeFileSync(join(copy.dir, 'backlog.md'), backlog);
  writeFileSync(join(copy.dir, 'taskdeck.json'), JSON.stringify({ backlog: 'backlog.md' }));
  const env = { ...process.env, TASKDECK_CONFIG_DIR: copy.configDir, NO_COLOR: '1' };
  expect((await runCli(['trust', '--project', copy.dir], env)).code).toBe(0);
  before = new Date(Date.now() - 1000).toISOString().replace('T', ' ').slice(0, 19);
  const ok = await runCli(['run', 'Q-1', '--project', copy.dir], env);
  expect(ok.code, ok.stderr).toBe(0);
  const failed = await runCli(['run', 'Q-2', '--project', copy.dir], env);
  expect(failed.code).not.toBe(0);
  db = new Database(join(copy.dir, '.taskdeck', 'task_execution.db'), { readonly: true });
}, 120_000);

afterAll(() => {
  db?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

const TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

describe("the toolkit's tables, filled by real runs", () => {
  it('task_executions: status counts, text times that compare as text, seconds, progress, metadata', () => {
    const counts = db.prepare('SELECT status, COUNT(*) AS n FROM task_executions GROUP BY status ORDER BY status').all();
    // The toolkit's words: a succeeded task is `completed`, as its scripts filter on.
    expect(counts).toEqual([
      { status: 'completed', n: 1 },
      { status: 'failed', n: 1 },
      { status: 'pending', n: 1 },
    ]);
    const recent = db.prepare('SELECT * FROM task_executions WHERE started_at > ? ORDER BY task_id').all(before) as Record<string, unknown>[];
    expect(recent.map((r) => r['task_id'])).toEqual(['Q-1', 'Q-2']);
    expect(db.prepare("SELECT count(*) AS n FROM task_executions WHERE started_at > '2026-12-01'").get()).toEqual({ n: 2 });
    const q1 = recent[0]!;
    expect(q1['started_at']).toMatch(TIME);
    expect(q1['completed_at']).toMatch(TIME);
    expect(q1['created_at']).toMatch(TIME);
    expect(q1['updated_at']).toMatch(TIME);
    expect(String(q1['completed_at']) >= String(q1['started_at'])).toBe(true);
    expect(q1['progress']).toBe(1);
    // Seconds, and the same attempt as our millisecond column.
    expect(q1['execution_time']).toBeCloseTo(Number(q1['execution_ms']) / 1000, 6);
    expect(q1['execution_time']).toBeLessThan(60);
    expect(JSON.parse(String(q1['metadata']))).toMatchObject({ attempt: 1, outcome: 'succeeded', exit_code: 0 });
    const q2 = recent[1]!;
    expect(q2['error_message']).toMatch(/exit code 3|exited with 3|code 3/);
    expect(q2['retry_count']).toBeGreaterThanOrEqual(0);
    expect(JSON.parse(String(q2['metadata']))).toMatchObject({ outcome: 'failed', exit_code: 3 });
    const q3 = db.prepare("SELECT started_at, completed_at, progress, created_at FROM task_executions WHERE task_id = 'Q-3'").get();
    expect(q3).toMatchObject({ started_at: null, completed_at: null, progress: 0 });
  });

  it("task_executions.metadata is the task's latest attempt, exactly as the store's own lookup writes it", () => {
    // The engine hands these facts over instead of letting the store look them up: the
    // text must be the lookup's, byte for byte.
    const rows = db
      .prepare(
        `SELECT e.task_id, e.metadata, (SELECT json_object('run_id', run_id, 'attempt', attempt, 'trigger', trigger, 'command', command,
           'exit_code', exit_code, 'signal', signal, 'outcome', outcome) FROM run_attempts a WHERE a.task_id = e.task_id ORDER BY started_at DESC, id DESC LIMIT 1) AS looked_up
         FROM task_executions e WHERE e.task_id IN ('Q-1', 'Q-2') ORDER BY e.task_id`,
      )
      .all() as { task_id: string; metadata: string; looked_up: string }[];
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.metadata).toBe(row.looked_up);
  });

  it("WHERE status = 'completed' finds the succeeded task, and our own state keeps the precise word", () => {
    expect(db.prepare("SELECT task_id FROM task_executions WHERE status = 'completed'").all()).toEqual([{ task_id: 'Q-1' }]);
    expect(db.prepare("SELECT task_id FROM task_executions WHERE status = 'failed'").all()).toEqual([{ task_id: 'Q-2' }]);
    expect(db.prepare('SELECT task_id, state, status FROM task_executions ORDER BY task_id').all()).toEqual([
      { task_id: 'Q-1', state: 'succeeded', status: 'completed' },
      { task_id: 'Q-2', state: 'failed', status: 'failed' },
      { task_id: 'Q-3', state: 'pending', status: 'pending' },
    ]);
    // A toolkit-style success rate over finished tasks.
    expect(db.prepare("SELECT round(1.0 * sum(status = 'completed') / sum(status IN ('completed', 'failed')), 2) AS rate FROM task_executions").get()).toEqual({ rate: 0.5 });
    // Only the toolkit's four words (a cancelled run, which these runs have none of, keeps its own).
    const words = (db.prepare('SELECT DISTINCT status FROM execution_history').all() as { status: string }[]).map((r) => r.status);
    for (const w of words) expect(['pending', 'running', 'completed', 'failed']).toContain(w);
  });

  it('execution_history joins task_executions, with text timestamps and toolkit statuses', () => {
    const rows = db
      .prepare(`SELECT h.task_id, h.status, h.timestamp, h.message, h.metadata, e.status AS task_status
        FROM execution_history h JOIN task_executions e ON e.task_id = h.task_id ORDER BY h.id`)
      .all() as { task_id: string; status: string; timestamp: string; message: string; metadata: string | null; task_status: string }[];
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const r of rows) expect(r.timestamp).toMatch(TIME);
    const q1 = rows.filter((r) => r.task_id === 'Q-1').map((r) => r.status);
    expect(q1[0]).toBe('running');
    expect(q1).toContain('completed');
    expect(q1).not.toContain('succeeded');
    expect(rows.filter((r) => r.task_id === 'Q-2').map((r) => r.status)).toContain('failed');
    const progress = rows.find((r) => r.task_id === 'Q-1' && r.metadata?.includes('percent'));
    expect(JSON.parse(progress!.metadata!)).toEqual({ percent: 40 });
    expect(db.pragma('foreign_key_list(execution_history)')).toEqual([expect.objectContaining({ table: 'task_executions', from: 'task_id', to: 'task_id' })]);
    expect(db.prepare("SELECT count(*) AS n FROM execution_history WHERE timestamp > '2026-12-01'").get()).toEqual({ n: rows.length });
  });

  it('performance_metrics: averages in seconds, rates and counts', () => {
    const rows = db.prepare('SELECT * FROM performance_metrics ORDER BY task_id').all() as Record<string, unknown>[];
    // Q-2 fails every attempt: its first try plus the retries its error category allows.
    const q2Attempts = (db.prepare("SELECT retry_count FROM task_executions WHERE task_id = 'Q-2'").get() as { retry_count: number }).retry_count + 1;
    expect(rows.map((r) => [r['task_id'], r['total_executions'], r['successful_executions'], r['failed_executions'], r['success_rate']])).toEqual([
      ['Q-1', 1, 1, 0, 1],
      ['Q-2', q2Attempts, 0, q2Attempts, 0],
    ]);
    for (const r of rows) {
      expect(r['avg_execution_time']).toBeCloseTo(Number(r['avg_duration_ms']) / 1000, 6);
      expect(r['last_execution']).toMatch(TIME);
      expect(r['created_at']).toMatch(TIME);
    }
    const avg = db.prepare('SELECT AVG(avg_execution_time) AS s FROM performance_metrics').get() as { s: number };
    expect(avg.s).toBeGreaterThan(0);
    expect(avg.s).toBeLessThan(60);
  });

  it('task_metadata: the parsed task, as the toolkit stored it', () => {
    const q1 = db.prepare("SELECT task_id, title, priority, points, description, tech_footprint, dependencies, score_total, human_required, human_reason, created_at, updated_at FROM task_metadata WHERE task_id = 'Q-1'").get() as Record<string, unknown>;
    expect(q1).toMatchObject({ task_id: 'Q-1', title: 'Reports progress', priority: 'high', points: 3, description: 'Show progress', tech_footprint: 'node', score_total: 5.7, human_required: 0, human_reason: null });
    expect(q1['created_at']).toMatch(TIME);
    const q2 = db.prepare("SELECT dependencies FROM task_metadata WHERE task_id = 'Q-2'").get() as { dependencies: string };
    expect(JSON.parse(q2.dependencies)).toEqual(['Q-1']);
  });
});
