// The dashboard's weekday and hour charts place each attempt on the user's local day, in
// the zone the client sends (or the system's), in summer and in winter time. Earlier only
// totals were checked, and every Thursday landed on "Wed".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppSession, dispatch } from '../../src/main/api';
import { analyticsHandlers } from '../../src/main/api/handlers/analytics';
import { WEEKDAYS } from '../../src/main/core/analytics/calendar';
import { timeZoneRule } from '../../src/main/reports/timeZone';
import { openStore } from '../../src/main/store/index';
import type { Dashboard } from '../../src/shared/api';
import { copySample, removeTemps } from './cliHarness';

const NOW = Date.UTC(2026, 10, 26, 12);

/** The instant of a local wall time in `zone` (found by correcting the offset twice). */
function localInstant(zone: string, y: number, m: number, d: number, h: number, min: number): number {
  const rule = timeZoneRule(zone);
  const wall = Date.UTC(y, m - 1, d, h, min);
  const guess = wall - rule.offsetAt(wall) * 60_000;
  return wall - rule.offsetAt(guess) * 60_000;
}

// 2026-01-05 and 2026-07-06 are Mondays: one week in each half of the year, so one of
// them is in daylight saving time in both zones. Weekday i gets i + 1 attempts, at 00:20
// and 23:40 local (the edges a wrong offset would push onto the neighbouring day).
function writeWeek(projectDir: string, zone: string): void {
  const opened = openStore(projectDir);
  if (!opened.ok) throw new Error(opened.error.message);
  const store = opened.value;
  let n = 0;
  for (const [month, monday] of [[1, 5], [7, 6]] as const) {
    for (let i = 0; i < 7; i++) {
      for (let k = 0; k <= i; k++) {
        const at = localInstant(zone, 2026, month, monday + i, k % 2 === 0 ? 0 : 23, k % 2 === 0 ? 20 : 40);
        const id = store.startAttempt({ runId: `w-${month}-${i}-${k}`, taskId: 'B-201', attempt: 1, trigger: 'manual', command: 'true', startedAt: at + (n++ % 3), logPath: null, ownerPid: process.pid });
        store.finishAttempt(id, { endedAt: at + 1000, durationMs: 1000, exitCode: i === 3 ? 1 : 0, signal: null, outcome: i === 3 ? 'failed' : 'succeeded', peakRssKb: null, cpuMs: null });
      }
    }
  }
  store.close();
}

async function dashboardIn(zone: string, sendZone: boolean): Promise<Dashboard> {
  const project = await copySample();
  writeWeek(project, zone);
  const app = await createAppSession({ projectDir: project, watch: false });
  try {
    const r = await dispatch({ ...app.handlers, ...analyticsHandlers(app.session, () => NOW) }, 'analytics:dashboard', sendZone ? { timeZone: zone } : {});
    if (!r.ok) throw new Error(r.error.message);
    return r.value as Dashboard;
  } finally {
    await app.session.close();
  }
}

afterAll(removeTemps);

describe('weekday placement', () => {
  for (const zone of ['Pacific/Auckland', 'America/Los_Angeles', 'Asia/Kolkata', 'UTC']) {
    it(`puts every attempt on its local weekday in ${zone} (zone sent by the client)`, async () => {
      const d = await dashboardIn(zone, true);
      expect(d.byWeekday.map((w) => w.label)).toEqual([...WEEKDAYS]);
      // Two weeks, weekday i has 2 × (i + 1) attempts; Thursday's all failed.
      expect(d.byWeekday.map((w) => w.attempts)).toEqual([2, 4, 6, 8, 10, 12, 14]);
      expect(d.byWeekday.map((w) => w.failures)).toEqual([0, 0, 0, 8, 0, 0, 0]);
      // 00:20 and 23:40 local: the hours 00 and 23, nothing else.
      expect(d.byHour.filter((h) => h.attempts > 0).map((h) => h.label)).toEqual(['00:00', '23:00']);
      expect(d.successByDay.find((b) => b.key === '2026-01-08')).toMatchObject({ attempts: 4, successes: 0 });
    });
  }

  describe('with no zone from the client', () => {
    let saved: string | undefined;
    beforeAll(() => {
      saved = process.env.TZ;
    });
    afterAll(() => {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });
    for (const zone of ['Pacific/Auckland', 'America/Los_Angeles']) {
      it(`uses the system zone (TZ=${zone})`, async () => {
        process.env.TZ = zone;
        const d = await dashboardIn(zone, false);
        expect(d.byWeekday.map((w) => w.attempts)).toEqual([2, 4, 6, 8, 10, 12, 14]);
        expect(d.byWeekday[3]).toMatchObject({ label: 'Thu', failures: 8 });
      });
    }
  });

  it('refuses a zone it does not know, with a message', async () => {
    const project = await copySample();
    const app = await createAppSession({ projectDir: project, watch: false });
    const r = await dispatch({ ...app.handlers, ...analyticsHandlers(app.session, () => NOW) }, 'analytics:dashboard', { timeZone: 'Mars/Olympus_Mons' });
    await app.session.close();
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-time-zone' } });
  });
});
