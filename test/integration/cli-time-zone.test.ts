// One way of showing a point in time: `status`, `history`, `errors`, `audit` and `stats` all
// print the user's local time with its offset (TZ honoured, `--tz` where given), so one
// event falls on the same local day in each of them, in any zone.
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/main/store/index';
import { copySample, removeTemps, runCli } from './cliHarness';

afterAll(removeTemps);

// 12:30 UTC on 24 November: already 25 November in Auckland (UTC+13), early 24th in Los Angeles (UTC-8).
const AT = Date.UTC(2026, 10, 24, 12, 30, 5);
const LOCAL = {
  'Pacific/Auckland': '2026-11-25 01:30',
  'America/Los_Angeles': '2026-11-24 04:30',
} as const;

function writeOneFailure(projectDir: string): void {
  const opened = openStore(projectDir);
  if (!opened.ok) throw new Error(opened.error.message);
  const store = opened.value;
  const id = store.startAttempt({ runId: 'tz-1', taskId: 'B-201', attempt: 1, trigger: 'manual', command: 'node scripts/check.mjs', startedAt: AT, logPath: null, ownerPid: process.pid });
  store.finishAttempt(id, { endedAt: AT + 1000, durationMs: 1000, exitCode: 1, signal: null, outcome: 'failed', peakRssKb: null, cpuMs: null });
  store.recordError({ attemptId: id, taskId: 'B-201', category: 'network', severity: 'low', message: 'connect ECONNREFUSED 10.0.0.1:5432', exitCode: 1, signal: null, logExcerpt: null, at: AT + 1000 });
  store.recordEvent({ taskId: 'B-201', runId: 'tz-1', attemptId: id, type: 'failed', message: 'exit 1', at: AT + 1000 });
  store.setTaskState('B-201', { status: 'failed', startedAt: AT, completedAt: AT + 1000, retryCount: 0, errorMessage: 'connect ECONNREFUSED 10.0.0.1:5432', executionTime: 1000 });
  store.close();
}

describe('times in the user\'s zone across the CLI', async () => {
  const project = await copySample();
  writeOneFailure(project);

  for (const [zone, local] of Object.entries(LOCAL)) {
    it(`shows the same local day in status, history, errors and stats with TZ=${zone}`, async () => {
      const env = { TZ: zone };
      const offset = zone === 'Pacific/Auckland' ? '(UTC+13:00)' : '(UTC-08:00)';
      const status = await runCli(['status', '--project', project], { env });
      expect(status.status).toBe(0);
      expect(status.stdout).toContain(`${local}:06 ${offset}`);
      const history = await runCli(['history', 'B-201', '--project', project], { env });
      expect(history.status).toBe(0);
      expect(history.stdout).toContain(`${local}:05 ${offset}`);
      const errors = await runCli(['errors', '--project', project], { env });
      expect(errors.status).toBe(0);
      expect(errors.stdout).toContain(`${local}:06 ${offset}`);
      const stats = await runCli(['stats', '--project', project, '--task', 'B-201'], { env });
      expect(stats.status).toBe(0);
      expect(stats.stdout).toContain(`last run ${local}`);
      // No UTC "Z" times left in what a person reads.
      for (const out of [status.stdout, history.stdout, errors.stdout]) expect(out).not.toMatch(/\d\d:\d\d:\d\dZ/);
    });
  }

  it('--tz overrides the system zone in status, history, errors and audit', async () => {
    const env = { TZ: 'America/Los_Angeles' };
    for (const cmd of [['status'], ['history'], ['errors']]) {
      const r = await runCli([...cmd, '--project', project, '--tz', 'Pacific/Auckland'], { env });
      expect(r.status).toBe(0);
      expect(r.stdout).toContain(LOCAL['Pacific/Auckland']);
      expect(r.stdout).not.toContain(LOCAL['America/Los_Angeles']);
    }
    expect((await runCli(['audit', '--project', project, '--tz', 'Pacific/Auckland'], { env })).status).toBe(0);
  });

  it('refuses a zone it does not know with exit 2, like the analytics commands', async () => {
    for (const cmd of ['status', 'history', 'errors', 'audit', 'stats']) {
      const r = await runCli([cmd, '--project', project, '--tz', 'Mars/Olympus_Mons']);
      expect(r.status, cmd).toBe(2);
      expect(r.stderr).toMatch(/--tz: "Mars\/Olympus_Mons" is not a time zone this system knows/);
    }
  });

  it('keeps JSON times as UTC ISO values, whatever the zone', async () => {
    const r = await runCli(['history', 'B-201', '--project', project, '--json'], { env: { TZ: 'Pacific/Auckland' } });
    expect(r.stdout).toContain(new Date(AT).toISOString());
  });
});
