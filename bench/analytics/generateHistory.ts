// Deterministic generator of a large run history in the store's real schema (opened and
// migrated by the store's own openDatabase): by default 100,000 runs, their retries, and
// exactly 1,000,000 execution_history events, with errors and recovery actions.
// Tasks have known behaviour (lognormal durations, fixed success rates) plus planted
// anomalies, so benchmarks and tests can check what the analytics find.
import { openDatabase } from '../../src/main/store/openDatabase';
import { lognormal, seededRng, type Rng } from '../../src/main/core/analytics/rng';
import type { TaskPlanInfo } from '../../src/main/core/analytics/types';

export interface GenerateOptions {
  file: string;
  runs?: number;
  eventsPerRun?: number;
  tasks?: number;
  seed?: number;
  /** Time of the last run; the history spreads over `days` before it. */
  end?: number;
  days?: number;
}

export interface GeneratedTask {
  id: string;
  medianMs: number;
  sigma: number;
  successRate: number;
  points: number;
  sprint: string | null;
}

export interface GenerateResult {
  file: string;
  end: number;
  runs: number;
  attempts: number;
  events: number;
  errors: number;
  recoveries: number;
  tasks: GeneratedTask[];
  plan: TaskPlanInfo[];
  /** Planted anomalies: a failure-rate jump, a flaky task and a slow last run. */
  planted: { jump: string; flaky: string; slow: string };
}

/** Bump when the generated data changes, so cached databases are rebuilt. */
export const GENERATOR_VERSION = 3;
export const GENERATED_END = Date.UTC(2026, 10, 20, 18, 0, 0);
const CATEGORIES = ['network', 'timeout', 'execution', 'file_system', 'validation'] as const;
const MESSAGES: Record<(typeof CATEGORIES)[number], (rng: Rng) => string> = {
  network: (r) => `connect ECONNREFUSED 10.0.${Math.floor(r() * 255)}.${Math.floor(r() * 255)}:${5000 + Math.floor(r() * 100)}`,
  timeout: (r) => `timed out after ${Math.floor(30 + r() * 90)}000 ms`,
  execution: (r) => `process exited with code ${1 + Math.floor(r() * 3)}`,
  file_system: (r) => `ENOENT: no such file or directory, open '/home/dev/project/data/input-${Math.floor(r() * 999)}.json'`,
  validation: (r) => `invalid input in row ${Math.floor(r() * 10_000)}: expected number`,
};

function makeTasks(rng: Rng, count: number): GeneratedTask[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `B-${String(i + 1).padStart(3, '0')}`,
    medianMs: Math.round(2_000 * Math.exp(rng() * 4)), // 2 s to about 110 s
    sigma: 0.2 + rng() * 0.5,
    successRate: 0.6 + rng() * 0.39,
    points: [1, 2, 3, 5, 8][Math.floor(rng() * 5)] as number,
    sprint: i % 10 === 0 ? 'S-next' : i % 10 === 1 ? 'S-current' : null,
  }));
}

export function generateHistory(opts: GenerateOptions): GenerateResult {
  const runs = opts.runs ?? 100_000;
  const eventsPerRun = opts.eventsPerRun ?? 10;
  const rng = seededRng(opts.seed ?? 20261120);
  const end = opts.end ?? GENERATED_END;
  const days = opts.days ?? 180;
  const tasks = makeTasks(rng, opts.tasks ?? 200);
  const [jump, flaky, slow] = [tasks[3], tasks[4], tasks[5]] as [GeneratedTask, GeneratedTask, GeneratedTask];

  const opened = openDatabase(opts.file);
  if (!opened.ok) throw new Error(opened.error.message);
  const db = opened.value;
  const insAttempt = db.prepare(`INSERT INTO run_attempts (run_id, task_id, attempt, trigger, command, started_at, ended_at, duration_ms, exit_code, signal, outcome, peak_rss_kb, cpu_ms, log_path, owner_pid, timeout_ms)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, NULL, 1, NULL)`);
  const insEvent = db.prepare('INSERT INTO execution_history (task_id, run_id, attempt_id, event_type, message, metadata, timestamp_ms) VALUES (?, ?, ?, ?, ?, NULL, ?)');
  // execution_history.task_id references task_executions (the toolkit's foreign key).
  const insTask = db.prepare("INSERT OR IGNORE INTO task_executions (task_id, state, retry_count) VALUES (?, 'pending', 0)");
  const insError = db.prepare('INSERT INTO task_errors (attempt_id, task_id, category, severity, message, exit_code, signal, log_excerpt, at) VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, ?)');
  const insRecovery = db.prepare('INSERT INTO recovery_actions (attempt_id, task_id, category, action, outcome, detail, at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const span = days * 86_400_000;
  let attempts = 0;
  let events = 0;
  let errors = 0;
  let recoveries = 0;
  const flakyState = { last: true };

  db.transaction(() => {
    for (const t of tasks) insTask.run(t.id);
    for (let r = 0; r < runs; r++) {
      const t = tasks[Math.floor(rng() * tasks.length)] as GeneratedTask;
      // Runs spread evenly in time, busier in working hours (a simple bump).
      let start = end - span + Math.floor((r / runs) * span) + Math.floor(rng() * 60_000);
      const hour = new Date(start).getUTCHours();
      if (hour < 7 && rng() < 0.6) start += 9 * 3_600_000;
      start = Math.min(start, end - 1000);
      const runId = `run-${r}`;
      const late = r > runs * 0.97;
      let rate = t.successRate;
      if (t === jump && late) rate = 0.1;
      let evLeft = eventsPerRun;
      let at = start;
      for (let attempt = 1; attempt <= 3; attempt++) {
        let ok = rng() < rate;
        if (t === flaky) {
          ok = !flakyState.last;
          flakyState.last = ok;
        }
        let duration = Math.round(lognormal(rng, t.medianMs, t.sigma));
        const category = ok ? null : (CATEGORIES[Math.floor(rng() * CATEGORIES.length)] as (typeof CATEGORIES)[number]);
        const outcome = ok ? 'succeeded' : category === 'timeout' ? 'timeout' : 'failed';
        const info = insAttempt.run(runId, t.id, attempt, attempt === 1 ? 'auto' : 'retry', `./scripts/${t.id}.sh`, at, at + duration, duration, ok ? 0 : 1, outcome, 20_000 + Math.floor(rng() * 80_000), Math.floor(duration * 0.6));
        const attemptId = Number(info.lastInsertRowid);
        attempts++;
        const retry = !ok && attempt < 3 && (category === 'network' || category === 'timeout') && t !== flaky;
        // Events: started, progress lines, then the end (or retry_scheduled); exactly eventsPerRun per run.
        // A retried attempt needs 3 (start, end, retry_scheduled) and keeps room for later
        // attempts (3 each, the last 2); the final attempt fills what is left with progress.
        const reserve = 3 * (3 - attempt - 1) + 2;
        const progress = retry ? Math.max(0, Math.min(2, evLeft - 3 - reserve)) : Math.max(0, evLeft - 2);
        insEvent.run(t.id, runId, attemptId, 'started', `attempt ${attempt}`, at);
        for (let k = 0; k < progress; k++) insEvent.run(t.id, runId, attemptId, 'progress', `${Math.round(((k + 1) / (progress + 1)) * 100)}%`, at + Math.floor((duration * (k + 1)) / (progress + 1)));
        insEvent.run(t.id, runId, attemptId, ok ? 'succeeded' : 'failed', ok ? 'done' : `${category} failure`, at + duration);
        events += 2 + progress;
        evLeft -= 2 + progress;
        if (category) {
          insError.run(attemptId, t.id, category, category === 'network' ? 'medium' : 'high', MESSAGES[category](rng), 1, at + duration);
          errors++;
        }
        if (!retry) break;
        insEvent.run(t.id, runId, attemptId, 'retry_scheduled', 'retrying', at + duration);
        events++;
        evLeft--;
        const action = category === 'timeout' ? 'extend-timeout' : 'wait-with-backoff';
        insRecovery.run(attemptId, t.id, category, action, 'succeeded', 'backoff 2000 ms', at + duration);
        recoveries++;
        at += duration + 2000;
      }
      // Short retried runs leave events over: record them as output lines of the run.
      while (evLeft > 0) {
        insEvent.run(t.id, runId, null, 'output', 'log line', at);
        events++;
        evLeft--;
      }
    }
    // The slow task's latest successful attempt took 20 times its median.
    db.prepare(`UPDATE run_attempts SET duration_ms = ? WHERE id = (SELECT id FROM run_attempts WHERE task_id = ? AND outcome = 'succeeded' ORDER BY started_at DESC LIMIT 1)`).run(slow.medianMs * 20, slow.id);
  })();
  db.close();
  const plan: TaskPlanInfo[] = tasks.map((t, i) => ({
    id: t.id, title: `Generated task ${t.id}`, points: t.points, scoreTotal: Math.round((1 + (i % 7) * 0.7) * 10) / 10,
    status: 'todo', sprint: t.sprint, category: i % 3 === 0 ? 'build' : i % 3 === 1 ? 'data' : null, executor: null, manual: false,
  }));
  return { file: opts.file, end, runs, attempts, events, errors, recoveries, tasks, plan, planted: { jump: jump.id, flaky: flaky.id, slow: slow.id } };
}
