// Retention with archives, through the built CLI on a record filled by real runs:
// cleanup writes what it deletes to a gzip of JSON lines first, gzips old logs in place
// (still readable by `taskdeck log` and runs:log), import-archive reads it all back once,
// and taskdeck.json's "retention" drives a cleanup with no arguments.
import { existsSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readAttemptLog } from '../../src/main/api/handlers/runsHistory';
import { refreshRollup } from '../../src/main/reports/queries/rollup';
import { assertBuilt, runCli } from './engineCli';
import { copySample } from './engineFixture';

let root: string | null = null;
beforeAll(() => assertBuilt());
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = null;
});

const DAY = 86_400_000;

/** A project where B-201 ran twice for real; the first run is then aged by 100 days (rows and log file). */
async function agedProject() {
  const copy = copySample();
  root = copy.root;
  const dir = copy.dir;
  const env = { ...process.env, TASKDECK_CONFIG_DIR: copy.configDir, NO_COLOR: '1' };
  const cli = (...args: string[]) => runCli([...args, '--project', dir], env);
  expect((await cli('trust')).code).toBe(0);
  expect((await cli('run', 'B-201')).code).toBe(0);
  expect((await cli('run', 'B-201')).code).toBe(0);
  const dbFile = join(dir, '.taskdeck', 'task_execution.db');
  const db = new Database(dbFile);
  const first = db.prepare('SELECT id, run_id, log_path FROM run_attempts ORDER BY id LIMIT 1').get() as { id: number; run_id: string; log_path: string };
  const age = 100 * DAY;
  db.prepare('UPDATE run_attempts SET started_at = started_at - ?, ended_at = ended_at - ? WHERE id = ?').run(age, age, first.id);
  db.prepare('UPDATE execution_history SET timestamp_ms = timestamp_ms - ? WHERE run_id = ?').run(age, first.run_id);
  db.prepare("INSERT INTO task_errors (attempt_id, task_id, category, severity, message, at) VALUES (?, 'B-201', 'network', 'medium', 'old failure', ?)").run(first.id, Date.now() - age);
  const oldEvents = (db.prepare('SELECT count(*) AS n FROM execution_history WHERE run_id = ?').get(first.run_id) as { n: number }).n;
  db.close();
  const old = new Date(Date.now() - age);
  utimesSync(first.log_path, old, old);
  return { dir, cli, first, oldEvents, dbFile };
}

/** B-201's attempts as the analytics rollups count them (folding in what is new first, as every analytics query does). */
function analyticsAttempts(dbFile: string): number {
  const db = new Database(dbFile);
  try {
    refreshRollup(db);
    return (db.prepare("SELECT attempts FROM analytics_task_rollup WHERE task_id = 'B-201'").get() as { attempts: number } | undefined)?.attempts ?? 0;
  } finally {
    db.close();
  }
}

function countsOf(dbFile: string) {
  const db = new Database(dbFile, { readonly: true });
  try {
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return { attempts: n('SELECT count(*) AS n FROM run_attempts'), events: n('SELECT count(*) AS n FROM execution_history'), errors: n('SELECT count(*) AS n FROM task_errors') };
  } finally {
    db.close();
  }
}

describe('cleanup --archive and import-archive (processes)', () => {
  it('archives then deletes the old rows, gzips the old log, and imports them back exactly once', async () => {
    const p = await agedProject();
    const before = countsOf(p.dbFile);
    expect(analyticsAttempts(p.dbFile)).toBe(2);
    const archive = join(p.dir, 'old.jsonl.gz');

    const cleaned = await p.cli('cleanup', '--older-than', '90d', '--archive', archive);
    expect(cleaned.code, cleaned.stderr).toBe(0);
    expect(cleaned.stdout).toContain('Deleted');
    expect(cleaned.stdout).toContain(`Archived ${1 + p.oldEvents + 1} rows to ${archive}`);
    expect(cleaned.stdout).toContain('Compressed 1 old log');

    const lines = gunzipSync(readFileSync(archive)).toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as { table: string; row: Record<string, unknown> });
    expect(lines.map((l) => l.table)).toEqual(['run_attempts', ...Array<string>(p.oldEvents).fill('execution_history'), 'task_errors']);
    expect(lines[0]!.row).toMatchObject({ id: p.first.id, run_id: p.first.run_id, task_id: 'B-201', outcome: 'succeeded' });
    expect(lines[1]!.row['timestamp']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const after = countsOf(p.dbFile);
    expect(after).toEqual({ attempts: before.attempts - 1, events: before.events - p.oldEvents, errors: before.errors - 1 });
    expect(analyticsAttempts(p.dbFile)).toBe(1);

    // The old log: compressed in place, not left or lost.
    expect(existsSync(p.first.log_path)).toBe(false);
    expect(existsSync(`${p.first.log_path}.gz`)).toBe(true);

    const imported = await p.cli('import-archive', archive, '--json');
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ read: lines.length, skipped: 0, imported: { run_attempts: 1, execution_history: p.oldEvents, task_errors: 1, recovery_actions: 0 } });
    expect(countsOf(p.dbFile)).toEqual(before);
    const again = await p.cli('import-archive', archive, '--json');
    expect(JSON.parse(again.stdout)).toMatchObject({ read: lines.length, skipped: lines.length, imported: { run_attempts: 0, execution_history: 0, task_errors: 0 } });
    expect(countsOf(p.dbFile)).toEqual(before);

    // Back in the analytics: the rollups are rebuilt to include the imported attempt.
    expect(analyticsAttempts(p.dbFile)).toBe(2);
    const db = new Database(p.dbFile, { readonly: true });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const audit = db.prepare('SELECT action, after FROM audit_log WHERE action IN (?, ?) ORDER BY id').all('cleanup', 'import-archive') as { action: string; after: string }[];
    db.close();
    expect(audit.map((a) => a.action)).toEqual(['cleanup', 'import-archive', 'import-archive']);
    expect(JSON.parse(audit[0]!.after)).toMatchObject({ archive, archived: lines.length });
    const history = JSON.parse((await p.cli('history', 'B-201', '--json')).stdout) as { attempts: { id: number }[] };
    expect(history.attempts.map((a) => a.id)).toContain(p.first.id);

    // The imported attempt's log reads from the .gz, from the CLI and through runs:log.
    const log = await p.cli('log', String(p.first.id));
    expect(log.code, log.stderr).toBe(0);
    expect(log.stdout.length).toBeGreaterThan(0);
    const viaApi = readAttemptLog(p.dir, p.first.id);
    expect(viaApi.ok && viaApi.value.text).toBe(log.stdout);
  }, 120_000);

  it('refuses to overwrite an archive and then deletes nothing', async () => {
    const p = await agedProject();
    const before = countsOf(p.dbFile);
    const archive = join(p.dir, 'taken.jsonl.gz');
    writeFileSync(archive, 'precious');
    const r = await p.cli('cleanup', '--older-than', '90d', '--archive', archive);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('Nothing deleted');
    expect(readFileSync(archive, 'utf8')).toBe('precious');
    expect(countsOf(p.dbFile)).toEqual(before);
  }, 120_000);

  it('cleanup with no arguments applies "retention" from taskdeck.json, archiving under archiveDir', async () => {
    const p = await agedProject();
    const none = await p.cli('cleanup');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('retention');
    const config = JSON.parse(readFileSync(join(p.dir, 'taskdeck.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(p.dir, 'taskdeck.json'), JSON.stringify({ ...config, retention: { olderThanDays: 90, archiveDir: '.taskdeck/archive' } }));
    const before = countsOf(p.dbFile);
    const r = await p.cli('cleanup');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('90d (taskdeck.json retention)');
    const files = readdirSync(join(p.dir, '.taskdeck', 'archive'));
    expect(files).toEqual([expect.stringMatching(/^taskdeck-archive-\d{8}T\d{6}Z\.jsonl\.gz$/)]);
    expect(countsOf(p.dbFile).attempts).toBe(before.attempts - 1);
    writeFileSync(join(p.dir, 'taskdeck.json'), JSON.stringify({ ...config, retention: { olderThanDays: -1 } }));
    const bad = await p.cli('cleanup');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('retention.olderThanDays');
  }, 120_000);
});
