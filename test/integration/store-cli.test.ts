// The run-record commands as a user runs them: the built CLI on a project whose record
// was written through the real store.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { errorReportSchema } from '../../src/shared/errorReport';
import { openStore, type Store } from '../../src/main/store/index';
import { removeTemps, runCli, tempDir } from './cliHarness';

const DAY = 86_400_000;
let project: string;

afterAll(removeTemps);

function withStore(use: (s: Store) => void): void {
  const r = openStore(project);
  if (!r.ok) throw new Error(r.error.message);
  try {
    use(r.value);
  } finally {
    r.value.close();
  }
}

/** Two tasks: OK-1 succeeded 40 days ago and today; NET-1 failed today with a network error. */
function seed(now: number): void {
  withStore((s) => {
    const attempt = (taskId: string, at: number, ok: boolean, message: string) => {
      const id = s.startAttempt({ runId: `run-${at}`, taskId, attempt: 1, trigger: 'auto', command: 'node x.mjs', startedAt: at, logPath: `.taskdeck/logs/run-${at}.log`, ownerPid: process.pid });
      s.recordEvent({ taskId, runId: `run-${at}`, attemptId: id, type: 'started', message: 'attempt 1: node x.mjs', at });
      s.finishAttempt(id, { endedAt: at + 200, durationMs: 200, exitCode: ok ? 0 : 1, signal: null, outcome: ok ? 'succeeded' : 'failed', peakRssKb: null, cpuMs: null });
      s.recordEvent({ taskId, runId: `run-${at}`, attemptId: id, type: ok ? 'succeeded' : 'failed', message, at: at + 200 });
      if (!ok) s.recordError({ attemptId: id, taskId, category: 'network', severity: 'low', message, exitCode: 1, signal: null, logExcerpt: `tail\n${message}`, at: at + 200 });
      s.setTaskState(taskId, { status: ok ? 'succeeded' : 'failed', startedAt: at, completedAt: at + 200, retryCount: 0, errorMessage: ok ? null : message, executionTime: 200 });
    };
    attempt('OK-1', now - 40 * DAY, true, 'done');
    attempt('OK-1', now - 1000, true, 'done again');
    attempt('NET-1', now - 500, false, '=HYPERLINK("http://evil","x"), ECONNREFUSED');
  });
}

/** `stats` (extended by analytics) also reads the backlog. */
function writeBacklog(): void {
  fs.writeFileSync(
    path.join(project, 'backlog.md'),
    '# Backlog\n\n| ID | Title | Priority | Points | Status | Dependencies |\n|----|-------|----------|--------|--------|--------------|\n| OK-1 | Ok task | P1 | 1 | todo | None |\n',
  );
}

beforeEach(async () => {
  project = await tempDir();
});

describe('before anything ran', () => {
  it.each([['status'], ['history'], ['errors'], ['stats']])('%s says so and creates nothing', async (cmd) => {
    writeBacklog();
    const r = await runCli([cmd, '--project', project]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Nothing has run');
    expect(fs.existsSync(path.join(project, '.taskdeck'))).toBe(false);
  });

  it('status on a record that holds no task yet says so, with the toolkit summary, not an empty table', async () => {
    writeBacklog();
    const opened = openStore(project);
    if (!opened.ok) throw new Error(opened.error.message);
    opened.value.close();
    const r = await runCli(['status', '--project', project]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Execution Status');
    expect(r.stdout).toContain('Nothing has run in this project yet: its run record holds no task. Run one with taskdeck run ID, or taskdeck auto.');
    expect(r.stdout).not.toMatch(/^ID\s+STATUS/m);
  });

  it('status --json is valid with no tasks', async () => {
    const r = await runCli(['status', '--project', project, '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ tasks: [], statistics: null, database: null });
    // The toolkit's summary keys answer too.
    expect(JSON.parse(r.stdout)).toMatchObject({ total_tasks: 0, pending_tasks: 0, success_rate: null, status_breakdown: { completed: 0, pending: 0, failed: 0 }, recent_executions: [] });
  });
});

describe('with a record', () => {
  it('status shows each task and the summary; --json carries ISO times', async () => {
    const now = Date.now();
    seed(now);
    const text = await runCli(['status', '--project', project]);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/NET-1\s+Failed/);
    expect(text.stdout).toMatch(/OK-1\s+Succeeded/);
    expect(text.stdout).toContain('2 tasks (1 succeeded, 1 failed); 3 attempts; 66.7% of 3 attempts succeeded');
    const json = JSON.parse((await runCli(['status', '--project', project, '--json'])).stdout);
    expect(json.tasks.map((t: { taskId: string }) => t.taskId)).toEqual(['NET-1', 'OK-1']);
    expect(json.tasks[1].completedAt).toBe(new Date(now - 800).toISOString());
    expect(json.statistics.byOutcome).toMatchObject({ succeeded: 2, failed: 1 });
  });

  it('history lists events newest first, and a task\'s attempts', async () => {
    seed(Date.now());
    const all = JSON.parse((await runCli(['history', '--project', project, '--json'])).stdout);
    expect(all.events).toHaveLength(6);
    expect(all.events[0].type).toBe('failed');
    const one = await runCli(['history', 'ok-1', '--project', project]);
    expect(one.stdout).toContain('Attempts of OK-1');
    expect(one.stdout).toContain('Succeeded (exit 0)');
    expect(one.stdout).not.toContain('NET-1');
    const limited = JSON.parse((await runCli(['history', '--project', project, '--json', '--limit', '2'])).stdout);
    expect(limited.events).toHaveLength(2);
  });

  it('errors shows statistics and recent errors; errors export writes a schema-valid report', async () => {
    seed(Date.now());
    const text = await runCli(['errors', '--project', project]);
    expect(text.stdout).toContain('by category: Network 1');
    expect(text.stdout).toContain('ECONNREFUSED');
    const out = path.join(project, 'report.json');
    const exp = await runCli(['errors', 'export', '--project', project, '--out', out]);
    expect(exp.status).toBe(0);
    const report = errorReportSchema.parse(JSON.parse(fs.readFileSync(out, 'utf8')));
    expect(report.project.path).toBe(project);
    expect(report.totals.byCategory.network).toBe(1);
    expect(report.recent[0]?.logExcerpt).toContain('ECONNREFUSED');
  });

  it('errors --category rejects an unknown category', async () => {
    seed(Date.now());
    const r = await runCli(['errors', '--project', project, '--category', 'cosmic']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('not an error category');
  });

  it('export csv writes RFC 4180 CSV with formula cells guarded, and a BOM on request', async () => {
    seed(Date.now());
    const out = path.join(project, 'history.csv');
    const r = await runCli(['export', 'csv', '--project', project, '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Wrote 6 events');
    const csv = fs.readFileSync(out, 'utf8');
    expect(csv.startsWith('id,timestamp,task_id,')).toBe(true);
    expect(csv).toContain(`,"'=HYPERLINK(""http://evil"",""x""), ECONNREFUSED",`);
    expect(csv.split('\r\n')).toHaveLength(8);
    await runCli(['export', 'csv', '--project', project, '--out', out, '--bom', '--task', 'OK-1']);
    const bom = fs.readFileSync(out);
    expect([...bom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bom.toString('utf8')).not.toContain('NET-1');
  });

  it('reset needs an ID or --all, and keeps history', async () => {
    seed(Date.now());
    expect((await runCli(['reset', '--project', project])).status).toBe(2);
    expect((await runCli(['reset', 'NOPE', '--project', project])).status).toBe(1);
    const one = await runCli(['reset', 'NET-1', '--project', project]);
    expect(one.stdout).toContain('Reset NET-1 to pending');
    withStore((s) => {
      expect(s.taskState('NET-1')?.status).toBe('pending');
      expect(s.taskState('OK-1')?.status).toBe('succeeded');
    });
    expect((await runCli(['reset', '--all', '--project', project])).stdout).toContain('Reset 2 tasks');
    withStore((s) => expect(s.history(undefined, 100)).toHaveLength(6));
  });

  it('cleanup --older-than 30d deletes old rows and keeps aggregates', async () => {
    seed(Date.now());
    const r = await runCli(['cleanup', '--older-than', '30d', '--project', project]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Deleted 2 events, 1 attempt, 0 errors');
    withStore((s) => {
      expect(s.attempts('OK-1')).toHaveLength(1);
      expect(s.performance('OK-1')[0]).toMatchObject({ runs: 2, successes: 2 });
    });
    expect((await runCli(['cleanup', '--older-than', 'soon', '--project', project])).status).toBe(2);
  });

  it('stats prints counts, success rate and per-task aggregates', async () => {
    seed(Date.now());
    writeBacklog();
    const json = JSON.parse((await runCli(['stats', '--project', project, '--json'])).stdout);
    expect(json.statistics.successRate).toBeCloseTo(2 / 3);
    expect(json.performance.map((m: { taskId: string; runs: number }) => [m.taskId, m.runs])).toEqual([['NET-1', 1], ['OK-1', 2]]);
    expect(json.errors.byCategory.network).toBe(1);
    const text = await runCli(['stats', '--project', project]);
    // The one per-task table: runs, run success rate, counted attempts, failed attempts.
    expect(text.stdout).toMatch(/OK-1\s+2\s+100%\s+2\s+0\s/);
  });

  it('a corrupt record is a clear error naming the file, left untouched', async () => {
    const file = path.join(project, '.taskdeck', 'task_execution.db');
    fs.mkdirSync(path.dirname(file));
    fs.writeFileSync(file, 'not a database at all');
    const r = await runCli(['status', '--project', project]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toContain('not a readable SQLite database');
    expect(fs.readFileSync(file, 'utf8')).toBe('not a database at all');
  });
});
