import { openDatabase } from '../../src/main/store/openDatabase';
import { detectAnomalies } from '../../src/main/core/analytics/anomalies';
import { groupRuns } from '../../src/main/core/analytics/runs';
import { cleanAttempts } from '../../src/main/core/analytics/sanitize';
import { recentAttempts } from '../../src/main/reports/queries/dashboard';
import { refreshRollup } from '../../src/main/reports/queries/rollup';
export function profile(file: string): void {
  const o = openDatabase(file);
  if (!o.ok) throw new Error('x');
  const db = o.value;
  refreshRollup(db);
  for (let k = 0; k < 5; k++) {
    let t = performance.now();
    const r = recentAttempts(db);
    const a = performance.now() - t; t = performance.now();
    const c = cleanAttempts(r).attempts;
    const b = performance.now() - t; t = performance.now();
    const runs = groupRuns(c);
    const d = performance.now() - t; t = performance.now();
    const an = detectAnomalies(c, runs);
    if (k === 0) for (const x of an.slice(0, 60)) console.log(x.kind, x.taskId, x.message);
    console.log('fetch', a.toFixed(1), 'clean', b.toFixed(1), 'runs', d.toFixed(1), 'detect', (performance.now() - t).toFixed(1), an.length);
  }
}
