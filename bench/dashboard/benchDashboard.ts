// Times the app's analytics:dashboard answer (every chart at once) on a generated history.
import { openDatabase } from '../../src/main/store/openDatabase';
import type { TaskPlanInfo } from '../../src/main/core/analytics/types';
import { buildDashboard } from '../../src/main/api/handlers/analyticsDashboard';

export interface BenchRow {
  area: string;
  name: string;
  value: number;
  unit: string;
  goal: number | string | null;
}

export function benchDashboard(file: string, plan: TaskPlanInfo[], end: number, label: string, runs = 5): BenchRow[] {
  const opened = openDatabase(file);
  if (!opened.ok) throw new Error(opened.error.message);
  const db = opened.value;
  const sprints = [{ name: 'S-now', start: end - 7 * 86_400_000, end: end + 7 * 86_400_000, capacity: 60 }];
  const input = { plan: plan.map((p, i) => (i < 40 ? { ...p, sprint: 'S-now' } : p)), sprints, db, now: end, tz: 0 };
  buildDashboard(input); // warm-up: brings the rollups up to date
  const wall: number[] = [];
  const cpu: number[] = [];
  let charts = 0;
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    const d = buildDashboard(input);
    wall.push(performance.now() - t);
    const u = process.cpuUsage(c);
    cpu.push((u.user + u.system) / 1000);
    charts = d.durations.length;
  }
  db.close();
  const median = (xs: number[]) => Math.round(xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]! * 10) / 10;
  return [
    { area: 'dashboard', name: `analytics:dashboard, every chart (${label}, ${charts} tasks)`, value: median(wall), unit: 'ms', goal: 250 },
    { area: 'dashboard', name: `analytics:dashboard, CPU time (${label})`, value: median(cpu), unit: 'ms', goal: 250 },
  ];
}
