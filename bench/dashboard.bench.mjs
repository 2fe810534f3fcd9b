// Dashboard benchmark: the whole analytics:dashboard answer on the generated history of
// 100,000 runs (shared with the analytics bench, cached in the temp dir).
import { cachedHistory, importBundled } from './generate-history.mjs';

export async function run() {
  const history = await cachedHistory(100_000);
  const { benchDashboard } = await importBundled('bench/dashboard/benchDashboard.ts');
  const label = `${history.runs / 1000}k runs`;
  return benchDashboard(history.file, history.plan, history.end ?? Date.UTC(2026, 10, 20, 18), label);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(await run());
}
