// The one contract between the UI and the backend. Electron IPC, the web host and the
// tests all call through it: every method has a zod schema for its argument (validated
// at the single dispatch point) and a result type. Feature files under ./contract
// declare their methods; this file merges them, so a renamed method breaks the build.
import { z } from 'zod';
import { backlogMethods } from './contract/backlog';
import { projectMethods } from './contract/project';
import { sprintMethods } from './contract/sprints';
import { backlogEvents } from './contract/events';
import { runMethods, runEvents } from './contract/runs';
import { runStateMethods } from './contract/runState';
import { analyticsMethods } from './contract/analytics';
import { desktopOnlyReportMethods, reportMethods } from './contract/reports';
import { vocabularyMethods } from './contract/vocabulary';
import { planMethods } from './contract/plan';
import { agentMethods } from './contract/agents';

export { method } from './contract/method';
export type { ProjectInfo } from './contract/project';
export type { BacklogSnapshot, EditOutcome, TaskDetail, TaskRef, TaskRunSummary } from './contract/backlog';
export type { BacklogEditInput } from './contract/edit';
export { EXPORT_FORMATS } from './contract/export-formats';
export type { ExportFormat } from './contract/export-formats';
export type { AttemptView, AutoRunOptions, BatchFinished, DurationNorm, LiveRunEvent, RunHistory, RunPlan } from './contract/runs';
export type { UntrustedCommandView } from './contract/runs';
export type { ConsoleLine, ConsoleState, ConsoleTask, LastRun, LastRunOutcome } from './contract/runState';
export type { Dashboard } from './contract/analytics';
export type { ExportedReport } from './contract/reports';
export type { AddedTask } from './contract/plan';
export type { ClaimView, NextTask, SprintForecastView, TaskInsight, TaskInsights } from './contract/agents';

export const methods = {
  ...projectMethods,
  ...backlogMethods,
  ...sprintMethods,
  ...runMethods,
  ...runStateMethods,
  ...analyticsMethods,
  ...reportMethods,
  ...vocabularyMethods,
  ...planMethods,
  ...agentMethods,
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type ArgsOf<K extends MethodName> = z.infer<Methods[K]['args']>;
export type ResultOf<K extends MethodName> = Methods[K]['result'];

/**
 * The interface the renderer talks to: `window.taskdeck` in Electron, HTTP in a browser.
 * Every call resolves to a result value; errors are values on every transport.
 */
export type TaskdeckApi = {
  [K in MethodName]: (args: ArgsOf<K>) => Promise<ApiResult<ResultOf<K>>>;
};

export const methodNames = Object.keys(methods) as MethodName[];

/**
 * Methods only the desktop app offers, each behind its own check there: the web host
 * answers them like an unknown method (a browser page exports through downloads).
 */
export const desktopOnlyMethods: ReadonlySet<string> = new Set<MethodName>(desktopOnlyReportMethods);

export const events = {
  ...backlogEvents,
  ...runEvents,
};
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<K extends EventName> = Events[K];
export const eventNames = Object.keys(events) as EventName[];

/** Errors cross every transport as values a user can act on. */
export interface ApiError {
  code: string;
  message: string;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What the Electron preload exposes as `window.taskdeck`: the methods plus event subscription. */
export type TaskdeckBridge = TaskdeckApi & {
  on<K extends EventName>(event: K, listener: (payload: EventPayload<K>) => void): () => void;
};
