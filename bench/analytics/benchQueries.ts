// Times each dashboard query on a generated history: the median of several runs, after
// one warm-up (which, on a fresh file, builds the rollups: reported separately).
import { openDatabase } from '../../src/main/store/openDatabase';
import { seededRng } from '../../src/main/core/analytics/rng';
import type { SprintInfo, TaskPlanInfo } from '../../src/main/core/analytics/types';
import { queryAnomalies, queryForecast, queryTaskSummary, queryTrend } from '../../src/main/reports/queries/dashboard';
import { refreshRollup } from '../../src/main/reports/queries/rollup';
import { queryLocalHours } from '../../src/main/reports/queries/dashboard';
import { createErrorStats } from '../../src/main/store/errorStats';
import { timeZoneRule } from '../../src/main/reports/timeZone';

export interface BenchRow {
  area: string;
  name: string;
  value: number;
  unit: string;
  /** A number in the row's unit (lower is better), a note, or null. */
  goal: number | string | null;
}

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/** Medians of wall time and of this process's CPU time: on a shared, loaded machine the
 * CPU time is closer to what the query costs on an idle one. */
function time(fn: () => unknown, runs: number): { wall: number; cpu: number } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    fn();
    wall.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

export function benchQueries(file: string, plan: TaskPlanInfo[], end: number, label: string, runs = 7): BenchRow[] {
  const opened = openDatabase(file);
  if (!opened.ok) throw new Error(opened.error.message);
  const db = opened.value;
  const rows: BenchRow[] = [];
  const round = (v: number): number => Math.round(v * 10) / 10;
  // Cold: drop the rollups and rebuild them once (what the first query after an upgrade pays).
  db.exec('DELETE FROM analytics_rollup_state; DELETE FROM analytics_task_rollup; DELETE FROM analytics_hour_rollup;');
  const t0 = performance.now();
  refreshRollup(db);
  rows.push({ area: 'analytics', name: `rollup build, once (${label})`, value: round(performance.now() - t0), unit: 'ms', goal: 'one-off, after an upgrade' });
  // Every generated task has succeeded at some point, so the sprint gets 20 new tasks that
  // have not: the forecast then simulates them (points × measured time per point).
  const sprint: SprintInfo = { name: 'S-new', start: end - 7 * 86_400_000, end: end + 7 * 86_400_000, capacity: 60 };
  const fresh: TaskPlanInfo[] = Array.from({ length: 20 }, (_, i) => ({ id: `N-${String(i + 1).padStart(3, '0')}`, title: `New task ${i + 1}`, points: [1, 2, 3, 5][i % 4] as number, scoreTotal: null, status: 'todo', sprint: 'S-new', category: null, executor: null, manual: false }));
  const fullPlan = [...plan, ...fresh];
  const queries: Array<[string, () => unknown]> = [
    ['task summary table', () => queryTaskSummary(db, fullPlan)],
    ['success trend (day/week)', () => queryTrend(db, 0)],
    ['success trend (day/week) in a named zone (Europe/Berlin)', () => queryTrend(db, timeZoneRule('Europe/Berlin'))],
    ['sprint forecast (5000 trials)', () => queryForecast(db, { sprint, plan: fullPlan, now: end, tz: 0, rng: seededRng(1), trials: 5000 })],
    ['anomalies', () => queryAnomalies(db)],
    // Recovery "worked" looks up each action's run (run_attempts_run index).
    ['error statistics with recovery success', () => createErrorStats(db).errorStatistics()],
    // A half-hour zone: the hours holding a local midnight are read exactly.
    ['hourly samples on local days (Asia/Kolkata)', () => queryLocalHours(db, timeZoneRule('Asia/Kolkata'))],
  ];
  for (const [name, fn] of queries) {
    fn();
    const t = time(fn, runs);
    rows.push({ area: 'analytics', name: `${name} (${label})`, value: round(t.wall), unit: 'ms', goal: 50 });
    rows.push({ area: 'analytics', name: `${name}, CPU time (${label})`, value: round(t.cpu), unit: 'ms', goal: 50 });
  }
  db.close();
  return rows;
}
