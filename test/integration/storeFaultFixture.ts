// A project whose run record is broken the way real disks break it: one damaged page,
// no room for new pages (SQLite's own max_page_count limit, which answers SQLITE_FULL as
// a full disk does), or a file the runner may not write. Real files, real SQLite.
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, openSync, closeSync, rmSync, writeSync, readdirSync, statSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runCli } from './engineCli';

export const NOBODY = 65534;

export interface FaultProject {
  root: string;
  dir: string;
  db: string;
  env: NodeJS.ProcessEnv;
  /** Created by task C-1 (and F-1) when, and only when, its command runs. */
  marker: (name: string) => string;
  cleanup(): void;
}

const header = '# Backlog\n\n| ID | Title | Priority | Points | Status | Dependencies |\n|---|---|---|---|---|---|\n';

/**
 * C-1 touches c.marker; Q-1 does nothing; F-1 runs a named executor whose command is
 * 40 KB long (its attempt row needs new overflow pages, its task metadata does not).
 */
export async function faultProject(): Promise<FaultProject> {
  const root = mkdtempSync(join(tmpdir(), 'taskdeck-store-faults-'));
  chmodSync(root, 0o755);
  const dir = join(root, 'project');
  mkdirSync(dir);
  writeFileSync(
    join(dir, 'backlog.md'),
    header +
      '| Q-1 | Quick | high | 1 | todo | None |\n<!-- run: true -->\n' +
      '| C-1 | Leaves a marker | high | 1 | todo | None |\n<!-- run: touch c.marker -->\n' +
      '| F-1 | Long command | medium | 1 | todo | None |\n<!-- default_executor: long -->\n',
  );
  writeFileSync(join(dir, 'taskdeck.json'), JSON.stringify({ backlog: 'backlog.md', writeBack: 'none', executors: { long: { command: `touch f.marker # ${'x'.repeat(40_000)}` } } }));
  const env = { ...process.env, TASKDECK_CONFIG_DIR: join(root, 'config'), NO_COLOR: '1', HOME: root };
  const trusted = await runCli(['trust', '--project', dir], env);
  if (trusted.code !== 0) throw new Error(trusted.stderr);
  // One real run: the record exists, with every task synced.
  const first = await runCli(['run', 'Q-1', '--project', dir], env);
  if (first.code !== 0) throw new Error(first.stderr);
  const db = join(dir, '.taskdeck', 'task_execution.db');
  return { root, dir, db, env, marker: (name) => join(dir, name), cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** Overwrites the start of one b-tree page (the run_attempts table's root) with 0xFF: SQLite reads it as damaged. */
export function corruptAttemptsPage(file: string): void {
  const db = new Database(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const root = (db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'run_attempts'").get() as { rootpage: number }).rootpage;
  db.close();
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(64, 0xff), 0, 64, (root - 1) * pageSize);
  closeSync(fd);
}

/** Attempt rows per task, read straight from the file. */
export function attemptsOf(file: string, taskId: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM run_attempts WHERE task_id = ?').get(taskId) as { n: number }).n;
  } finally {
    db.close();
  }
}

/**
 * Makes the record read-only for the runner. As root (who writes anything), the project
 * goes to `nobody` and the file stays root's, 0644; otherwise the file becomes 0444.
 * Returns the uid to run the CLI as (undefined: as ourselves).
 */
export function makeRecordReadOnly(p: FaultProject): number | undefined {
  if (process.getuid?.() === 0) {
    chownTree(p.root, NOBODY);
    chownSync(p.db, 0, 0);
    chmodSync(p.db, 0o644);
    return NOBODY;
  }
  chmodSync(p.db, 0o444);
  return undefined;
}

function chownTree(path: string, uid: number): void {
  chownSync(path, uid, uid);
  if (!statSync(path).isDirectory()) return;
  for (const name of readdirSync(path)) chownTree(join(path, name), uid);
}

export function exists(path: string): boolean {
  return existsSync(path);
}
