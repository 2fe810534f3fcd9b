// Analytics benchmark: each dashboard query on the generated history of 100,000 runs and
// 1,000,000 events (built once by bench/generate-history.mjs and cached in the temp dir).
import os from 'node:os';
import { cachedHistory, importBundled } from './generate-history.mjs';

export async function run() {
  const history = await cachedHistory(100_000);
  const { benchQueries } = await importBundled('bench/analytics/benchQueries.ts');
  const label = `${history.runs / 1000}k runs, ${Math.round(history.events / 100_000) / 10}M events`;
  const rows = benchQueries(history.file, history.plan, history.end ?? Date.UTC(2026, 10, 20, 18), label);
  // Timings on a busy machine are not timings of the code: say how busy it was.
  rows.push({ area: 'analytics', name: 'load average (1 min) during the run', value: Math.round(os.loadavg()[0] * 10) / 10, unit: `on ${os.cpus().length} cores`, goal: null });
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(await run());
}
