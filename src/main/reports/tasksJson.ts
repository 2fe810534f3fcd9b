// Tasks JSON: the list contract of docs/backlog-format.md section 6, each task with its
// run statistics and predictions added under `analytics` (contract fields unchanged), and
// tasks that only the history knows (renamed or deleted) listed apart.
import type { BacklogJson, Task } from '../../shared/backlog';
import type { TaskSummary } from '../core/analytics/taskSummary';
import type { ReportModel } from './reportModel';

export interface TaskAnalyticsJson {
  runs: number;
  attempts: number;
  failedAttempts: number;
  successRate: number | null;
  durationsMs: TaskSummary['durations'];
  lastRunAt: string | null;
  lastOutcome: string | null;
  successProbability: TaskSummary['prediction'];
  eta: TaskSummary['eta'];
}

export interface TasksJson extends BacklogJson {
  tasks: Array<Task & { analytics: TaskAnalyticsJson | null }>;
  generatedAt: string;
  historyOnlyTasks: Array<{ id: string; analytics: TaskAnalyticsJson }>;
  dataQuality: ReportModel['analysis']['data'];
}

function analyticsOf(s: TaskSummary): TaskAnalyticsJson {
  return {
    runs: s.runs,
    attempts: s.attempts,
    failedAttempts: s.failedAttempts,
    successRate: s.successRate,
    durationsMs: s.durations,
    lastRunAt: s.lastRunAt === null ? null : new Date(s.lastRunAt).toISOString(),
    lastOutcome: s.lastOutcome,
    successProbability: s.prediction,
    eta: s.eta,
  };
}

export function buildTasksJson(list: BacklogJson, model: ReportModel): TasksJson {
  const byId = new Map(model.analysis.tasks.map((t) => [t.taskId, t]));
  return {
    file: list.file,
    generatedAt: new Date(model.generatedAt).toISOString(),
    tasks: list.tasks.map((t) => {
      const s = byId.get(t.id);
      return { ...t, analytics: s ? analyticsOf(s) : null };
    }),
    diagnostics: list.diagnostics,
    historyOnlyTasks: model.analysis.tasks.filter((t) => !t.inBacklog).map((t) => ({ id: t.taskId, analytics: analyticsOf(t) })),
    dataQuality: model.analysis.data,
  };
}
