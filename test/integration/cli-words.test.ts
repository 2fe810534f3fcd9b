// What a person reads from the CLI uses the label table's words, never an internal
// identifier (`in_progress`, `file_system`, `record-path-and-suggest`); the JSON keeps them.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CATEGORIES, RECOVERY_ACTIONS } from '../../src/main/core/errors/types';
import { DIAGNOSTIC_LABEL } from '../../src/shared/labels';
import { openStore } from '../../src/main/store/index';
import { removeTemps, runCli, tempDir } from './cliHarness';

let project: string;
afterAll(removeTemps);

const BACKLOG = [
  '# Backlog',
  '',
  '| ID | Title | Priority | Points | Status | Dependencies |',
  '|----|-------|----------|--------|--------|--------------|',
  '| W-1 | Wiring | 🔥 | 3 | in progress | None |',
  '| W-2 | Old sync | P3 | 1 | cancelled | None |',
  '| W-3 | Files | P2 | 2 | todo | W-1 |',
  '| W-4 | Sign the release | P0 | 1 | todo | None |',
  '<!-- human_required: true -->',
  '',
].join('\n');

// Identifiers a person must not meet: every one with `_` or `-` in it, from each enum.
const IDENTIFIERS = ['in_progress', 'retry_scheduled', 'recovery_action', 'failure-rate', ...ERROR_CATEGORIES.filter((c) => c.includes('_')), ...RECOVERY_ACTIONS.filter((a) => a.includes('-')), ...Object.keys(DIAGNOSTIC_LABEL)];

beforeAll(async () => {
  project = await tempDir();
  fs.writeFileSync(path.join(project, 'backlog.md'), BACKLOG);
  const opened = openStore(project);
  if (!opened.ok) throw new Error(opened.error.message);
  const s = opened.value;
  const now = Date.now() - 60_000;
  let n = 0;
  // One failure of each category, each with its recovery action; a timeout, a cancel.
  ERROR_CATEGORIES.forEach((category, i) => {
    const taskId = i % 2 === 0 ? 'W-1' : 'W-3';
    const at = now - (ERROR_CATEGORIES.length - i) * 1000;
    const runId = `run-${n++}`;
    const id = s.startAttempt({ runId, taskId, attempt: 1, trigger: 'auto', command: 'node x.mjs', startedAt: at, logPath: null, ownerPid: process.pid });
    s.recordEvent({ taskId, runId, attemptId: id, type: 'started', message: 'attempt 1: node x.mjs', at });
    const outcome = category === 'timeout' ? 'timeout' : 'failed';
    s.finishAttempt(id, { endedAt: at + 100, durationMs: 100, exitCode: 1, signal: null, outcome, peakRssKb: null, cpuMs: null });
    s.recordError({ attemptId: id, taskId, category, severity: 'medium', message: `${category}: it broke`, exitCode: 1, signal: null, logExcerpt: null, at: at + 100 });
    s.recordRecovery({ attemptId: id, taskId, category, action: RECOVERY_ACTIONS[i % RECOVERY_ACTIONS.length]!, outcome: 'failed', detail: 'tried', at: at + 101 });
    s.recordEvent({ taskId, runId, attemptId: id, type: 'retry_scheduled', message: `retry 1 of 3 in 10 ms (${category})`, at: at + 102 });
    s.recordEvent({ taskId, runId, attemptId: id, type: 'recovery_action', message: `${RECOVERY_ACTIONS[i % RECOVERY_ACTIONS.length]} failed`, at: at + 103 });
    s.recordEvent({ taskId, runId, attemptId: id, type: 'failed', message: `${category}: it broke`, at: at + 104 });
    s.setTaskState(taskId, { status: outcome, startedAt: at, completedAt: at + 100, retryCount: 1, errorMessage: `${category}: it broke`, executionTime: 100 });
  });
  const id = s.startAttempt({ runId: 'run-cancel', taskId: 'W-3', attempt: 1, trigger: 'manual', command: 'node x.mjs', startedAt: now, logPath: null, ownerPid: process.pid });
  s.finishAttempt(id, { endedAt: now + 50, durationMs: 50, exitCode: null, signal: 'SIGTERM', outcome: 'cancelled', peakRssKb: null, cpuMs: null });
  s.setTaskState('W-3', { status: 'cancelled', startedAt: now, completedAt: now + 50, retryCount: 0, errorMessage: 'cancelled', executionTime: 50 });
  s.close();
});

async function human(args: string[]): Promise<string> {
  const r = await runCli([...args, '--project', project]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

describe('CLI words', () => {
  it.each([
    [['list']],
    [['show', 'W-1']],
    [['show', 'W-2']],
    [['status']],
    [['history']],
    [['history', 'W-3']],
    [['errors']],
    [['stats']],
    [['stats', '--task', 'W-1']],
    [['auto', '--dry-run']],
    [['anomalies']],
  ])('%j shows no internal identifier', async (args) => {
    const out = await human(args);
    expect(out.length).toBeGreaterThan(0);
    for (const id of IDENTIFIERS) expect(out, `${args.join(' ')} printed ${id}`).not.toContain(id);
  });

  it('validate names each finding in words', async () => {
    fs.writeFileSync(path.join(project, 'odd.md'), '| ID | Title | Priority | Points | Status | Dependencies |\n|----|----|----|----|----|----|\n| W-1 | A | zz | 1 | whatever | W-9 |\n');
    const r = await runCli(['validate', '--file', path.join(project, 'odd.md')]);
    expect(r.stdout).toContain('warning Unknown status: W-1');
    expect(r.stdout).toContain('info Unknown priority: W-1');
    for (const id of IDENTIFIERS) expect(r.stdout).not.toContain(id);
  });

  it('uses the table\'s words: In progress, Critical, Cancelled (not Skipped), File system, Timed out', async () => {
    const list = await human(['list']);
    expect(list).toMatch(/W-1 .*In progress/);
    expect(list).toMatch(/W-2 .*Cancelled/);
    expect(list).not.toContain('Skipped');
    expect(await human(['show', 'W-1'])).toMatch(/priority\s+Critical/);
    const status = await human(['status']);
    expect(status).toMatch(/W-3\s+Cancelled/);
    expect(await human(['errors'])).toContain('File system 1');
    expect(await human(['history', 'W-1'])).toContain('Timed out');
    expect(await human(['errors'])).toContain('Suggest a fix');
  });

  it('JSON keeps the identifiers', async () => {
    const list = JSON.parse(await human(['list', '--json']));
    expect(list.tasks.find((t: { id: string }) => t.id === 'W-1').status).toBe('in_progress');
    const errors = JSON.parse(await human(['errors', '--json']));
    expect(errors.statistics.byCategory.file_system).toBe(1);
    expect(Object.keys(errors.statistics.recoveryByAction)).toContain('record-path-and-suggest');
  });
});
