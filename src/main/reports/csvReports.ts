// CSV reports: the run history (one row per attempt) and the per-task summary. Cells go
// through the store's RFC 4180 writer (quoting, CRLF, formula-injection guard), with an
// optional UTF-8 BOM so Excel reads non-ASCII titles correctly.
import type { AttemptRecord } from '../core/analytics/types';
import type { TaskSummary } from '../core/analytics/taskSummary';
import { csvRow } from '../store/historyCsv';

export interface CsvReportOptions {
  bom?: boolean;
}

type Cell = string | number | null;

const iso = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString());
const round = (v: number | null, digits = 0): number | null => (v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits);

export const RUNS_CSV_COLUMNS = ['run_id', 'task_id', 'attempt', 'started_at', 'ended_at', 'duration_ms', 'outcome', 'error_category', 'error_message', 'command'] as const;

export const SUMMARY_CSV_COLUMNS = [
  'task_id', 'title', 'in_backlog', 'status', 'points', 'sprint', 'runs', 'attempts', 'failed_attempts', 'success_rate',
  'duration_n', 'mean_ms', 'median_ms', 'p90_ms', 'p95_ms', 'p99_ms', 'std_ms', 'min_ms', 'max_ms',
  'success_probability', 'prior_source', 'eta_source', 'eta_p50_ms', 'eta_p80_ms', 'last_run_at', 'last_outcome',
] as const;

function write(header: readonly string[], rows: Iterable<Cell[]>, opts: CsvReportOptions): string {
  let out = (opts.bom ? '\uFEFF' : '') + csvRow(header);
  for (const r of rows) out += csvRow(r);
  return out;
}

export function runsCsv(attempts: readonly AttemptRecord[], opts: CsvReportOptions = {}): string {
  // The record's own outcome identifiers (as `status --json` and `history` show them; an
  // interrupted attempt is not a cancelled one), falling back to the analytics outcome.
  return write(RUNS_CSV_COLUMNS, attempts.map((a): Cell[] => [a.runId, a.taskId, a.attempt, iso(a.startedAt), iso(a.endedAt), a.durationMs, a.recordOutcome ?? a.outcome, a.category, a.errorMessage, a.command]), opts);
}

export function summaryCsv(tasks: readonly TaskSummary[], opts: CsvReportOptions = {}): string {
  return write(SUMMARY_CSV_COLUMNS, tasks.map((t): Cell[] => {
    const d = t.durations;
    const eta = t.eta.status === 'ok' ? t.eta : null;
    return [
      t.taskId, t.title, t.inBacklog ? 'yes' : 'no', t.status, t.points, t.sprint, t.runs, t.attempts, t.failedAttempts, round(t.successRate, 4),
      d.n, round(d.mean), round(d.median), round(d.p90), round(d.p95), round(d.p99), round(d.std), round(d.min), round(d.max),
      round(t.prediction.probability, 4), t.prediction.prior.source, eta ? eta.source : 'not-enough-data', eta ? round(eta.p50Ms) : null, eta ? round(eta.p80Ms) : null,
      iso(t.lastRunAt), t.lastOutcome,
    ];
  }), opts);
}
