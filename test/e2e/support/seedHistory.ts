// Three weeks of run history written through the store's own API, shared by the e2e tests
// that need a dashboard with data (analytics, accessibility).
import { openStore } from '../../../src/main/store/index';
import { seededRng } from '../../../src/main/core/analytics/rng';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** 21 days of runs ending an hour ago: steady, slow, flaky, failing and recovering tasks. */
export function writeHistory(projectDir: string, now: number): void {
  const opened = openStore(projectDir);
  if (!opened.ok) throw new Error(opened.error.message);
  const store = opened.value;
  const rng = seededRng(7);
  let seq = 0;
  const run = (taskId: string, at: number, outcomes: { ms: number; outcome: 'succeeded' | 'failed' | 'timeout'; category?: 'network' | 'timeout' | 'permission' | 'validation' | 'execution'; severity?: 'low' | 'medium' | 'high' | 'critical' }[]) => {
    const runId = `seed-${++seq}`;
    let t = at;
    outcomes.forEach((o, i) => {
      const id = store.startAttempt({ runId, taskId, attempt: i + 1, trigger: i === 0 ? 'auto' : 'retry', command: `node scripts/${taskId}.mjs`, startedAt: t, logPath: null, ownerPid: process.pid });
      store.finishAttempt(id, { endedAt: t + o.ms, durationMs: o.ms, exitCode: o.outcome === 'succeeded' ? 0 : 1, signal: null, outcome: o.outcome, peakRssKb: 40_000, cpuMs: 100 });
      if (o.category) {
        store.recordError({ attemptId: id, taskId, category: o.category, severity: o.severity ?? 'medium', message: `${o.category} failure in ${taskId}`, exitCode: 1, signal: null, logExcerpt: null, at: t + o.ms });
        if (i + 1 < outcomes.length) store.recordRecovery({ attemptId: id, taskId, category: o.category, action: o.category === 'timeout' ? 'extend-timeout' : 'wait-with-backoff', outcome: 'succeeded', detail: 'seeded', at: t + o.ms });
      }
      t += o.ms + 2000;
    });
  };
  const firstDone = ['B-108', 'B-111', 'B-112', 'B-113', 'B-115', 'B-106', 'B-110', 'B-114', 'B-201', 'B-207'];
  for (let d = 21; d >= 1; d--) {
    const day = now - d * DAY;
    const hours = [8, 9, 10, 11, 14, 15, 16, 17];
    for (const h of hours) {
      const at = day - (day % DAY) + h * HOUR + Math.floor(rng() * 40) * 60_000;
      const r = rng();
      if (r < 0.55) run('B-201', at, [{ ms: 1500 + rng() * 1200, outcome: 'succeeded' }]);
      else if (r < 0.75) run('B-202', at, [{ ms: 20_000 + rng() * 15_000, outcome: 'succeeded' }]);
      else if (r < 0.9) run('B-203', at, rng() < 0.6 ? [{ ms: 900, outcome: 'failed', category: 'network', severity: 'low' }, { ms: 1100, outcome: 'succeeded' }] : [{ ms: 1000, outcome: 'succeeded' }]);
      else if (r < 0.95) run('B-206', at, [{ ms: 400, outcome: 'failed', category: 'validation', severity: 'medium' }]);
      else run('B-204', at, [{ ms: 3000, outcome: 'timeout', category: 'timeout', severity: 'high' }, { ms: 5200, outcome: 'succeeded' }]);
    }
    if (d % 3 === 0) run('B-205', day - (day % DAY) + 20 * HOUR, [{ ms: 300, outcome: 'failed', category: 'permission', severity: 'critical' }]);
    // Flaky: passes and fails in turn.
    run('B-210', day - (day % DAY) + 13 * HOUR, [{ ms: 2000, outcome: d % 2 ? 'succeeded' : 'failed', ...(d % 2 ? {} : { category: 'execution' as const, severity: 'medium' as const }) }]);
    const first = firstDone[21 - d - 11];
    if (first) run(first, day - (day % DAY) + 12 * HOUR, [{ ms: 60_000 + rng() * 60_000, outcome: 'succeeded' }]);
  }
  // A run far slower than usual: a duration anomaly.
  run('B-201', now - 2 * HOUR, [{ ms: 45_000, outcome: 'succeeded' }]);
  store.close();
}

