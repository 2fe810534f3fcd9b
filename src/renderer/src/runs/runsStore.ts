// The run console's store: live rows folded from `run:event`, the batch toasts, the trust
// prompt, and the actions that start and cancel runs through the transport.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AutoRunOptions, BatchFinished, DurationNorm, LiveRunEvent, RunPlan } from '../../../shared/api';
import { applyLastRunEvent, type LastRuns } from './lastRuns';
import { summariseExcluded } from '../../../shared/runPlanSummary';
import type { Transport } from '../transport/transport';
import { applyRunEvent, type LiveTask } from './liveRuns';
import { resyncLiveRuns } from './resyncRuns';
import { finishedToastText, runningToastText } from './runningToast';

export type RunRequest = { kind: 'tasks'; taskIds: string[]; parallel: number } | { kind: 'auto'; options: AutoRunOptions };

export interface RunsState {
  tasks: Record<string, LiveTask>;
  /** Row order: most recently started first. */
  order: string[];
  selected: string | null;
  norms: Record<string, DurationNorm>;
  /** A run waiting for the user to trust the folder, with what it would run. */
  pendingTrust: { request: RunRequest; plan: RunPlan } | null;
  /** `showRuns`: the toast offers to open the run console (runs started from another view). */
  /** `details`: the list behind a summary ("78 tasks have no command"), shown on demand. */
  toasts: Toast[];
  error: string | null;
  /** The cluster's connection during a cluster auto run (lost: paused until Redis is back). */
  cluster: { state: 'connected' | 'lost' | 'back'; message: string } | null;
  /** Bumped when a task finishes, so history and charts reload. */
  finishedCount: number;
  /** Each task's last run (board and backlog badges, the filters), from the record and live events. */
  lastRuns: LastRuns;
  request(r: RunRequest): Promise<void>;
  trustAndRun(): Promise<void>;
  dismissTrust(): void;
  cancel(taskId: string): Promise<void>;
  cancelAll(): Promise<void>;
  select(taskId: string | null): void;
  dismissToast(id: number): void;
  clearError(): void;
  onEvent(e: LiveRunEvent): void;
  onBatch(b: BatchFinished): void;
  loadNorms(): Promise<void>;
  /** After the event stream reconnected: re-read what is running and how runs ended. */
  resync(): Promise<void>;
  /** Reads every task's last run from the record (on load, and when another process may have run tasks). */
  loadLatest(): Promise<void>;
  /** Rebuilds the console (running tasks, the last batch, their logs) after a page (re)load. */
  loadConsole(): Promise<void>;
}

export type RunsStore = StoreApi<RunsState>;

export interface Toast {
  id: number;
  text: string;
  /** 'ok' toasts inform and go away by themselves; 'warn' ones stay until closed. */
  tone: 'ok' | 'warn';
  showRuns?: boolean;
  details?: string[];
  /** A started selection's toast: its tasks' outcomes, filled in as they finish (runningToast.ts). */
  running?: Record<string, string | null>;
}

/** At most this many toasts at once: older ones make room. */
export const MAX_TOASTS = 4;

function withToast(toasts: readonly Toast[], toast: Toast): Toast[] {
  return [...toasts, toast].slice(-MAX_TOASTS);
}

/** An auto run longer than this ends with a toast (and a desktop notification in Electron). */
export const LONG_RUN_MS = 10_000;

let toastId = 0;

/** A started selection's toast, once its task `taskId` finished with `outcome`. */
function followRun(t: Toast, taskId: string, outcome: string): Toast {
  if (!t.running || !(taskId in t.running) || t.running[taskId] !== null) return t;
  const running = { ...t.running, [taskId]: outcome };
  const done = finishedToastText(running);
  return done ? { ...t, running, text: done.text, tone: done.failed ? 'warn' : 'ok' } : { ...t, running };
}

export function createRunsStore(transport: Transport): RunsStore {
  return createStore<RunsState>()((set, get) => {
    async function start(r: RunRequest): Promise<void> {
      if (r.kind === 'tasks') {
        const result = await transport.call('runs:start', { taskIds: r.taskIds, parallel: r.parallel });
        if (!result.ok) return set({ error: result.error.message });
        const started = result.value.started;
        const running = Object.fromEntries(started.map((id) => [id, null]));
        set({ error: null, toasts: withToast(get().toasts, { id: ++toastId, text: runningToastText(started), tone: 'ok', showRuns: true, running }) });
        return;
      }
      const result = await transport.call('runs:auto', r.options);
      if (!result.ok) return set({ error: result.error.message });
      set({ error: result.value.planned === 0 ? 'Nothing is ready to run: every task is done, waiting on a dependency, or needs a person.' : null });
    }
    return {
      tasks: {},
      order: [],
      selected: null,
      norms: {},
      pendingTrust: null,
      toasts: [],
      error: null,
      cluster: null,
      finishedCount: 0,
      lastRuns: {},
      async request(r) {
        const plan = await transport.call('runs:plan', r.kind === 'tasks' ? { taskIds: r.taskIds } : { auto: r.options });
        if (!plan.ok) return set({ error: plan.error.message });
        if (plan.value.commands.length === 0) {
          // One line, however many tasks ("78 tasks have no command"); the list on demand.
          const summary = summariseExcluded(plan.value.excluded);
          const details = plan.value.excluded.map((x) => `${x.taskId}${x.title ? ` ${x.title}` : ''}: ${x.reason}`);
          return set({ toasts: withToast(get().toasts, { id: ++toastId, text: `Nothing to run${summary ? `: ${summary}` : ''}.`, tone: 'warn', details }) });
        }
        if (!plan.value.trusted) return set({ pendingTrust: { request: r, plan: plan.value } });
        void get().loadNorms();
        await start(r);
      },
      async trustAndRun() {
        const pending = get().pendingTrust;
        if (!pending) return;
        // Trust exactly the commands the dialog showed; anything else changed meanwhile asks again.
        const commands = pending.plan.untrusted.map((c) => ({ taskId: c.taskId, command: c.command }));
        const trusted = await transport.call('runs:trust', { commands });
        if (!trusted.ok) return set({ error: trusted.error.message, pendingTrust: null });
        set({ pendingTrust: null });
        // Plan again: a command changed since the dialog opened is asked about, not run.
        await get().request(pending.request);
      },
      dismissTrust: () => set({ pendingTrust: null }),
      async cancel(taskId) {
        const r = await transport.call('runs:cancel', { taskId });
        if (!r.ok) set({ error: r.error.message });
      },
      async cancelAll() {
        const r = await transport.call('runs:cancel-all', {});
        if (!r.ok) set({ error: r.error.message });
      },
      select: (selected) => set({ selected }),
      dismissToast: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
      clearError: () => set({ error: null }),
      onEvent(e) {
        if (e.type === 'cluster') {
          set({ cluster: { state: e.state, message: e.message } });
          return;
        }
        const s = get();
        const lastRuns = applyLastRunEvent(s.lastRuns, e);
        if (lastRuns !== s.lastRuns) set({ lastRuns });
        if (e.type === 'task-finished') set({ toasts: s.toasts.map((t) => followRun(t, e.taskId, e.outcome)) });
        const tasks = applyRunEvent(s.tasks, e);
        if (tasks === s.tasks) return;
        const isNewRun = (e.type === 'task-started' && e.attempt === 1) || !(e.taskId in s.tasks);
        set({
          tasks,
          order: isNewRun ? [e.taskId, ...s.order.filter((id) => id !== e.taskId)] : s.order,
          selected: s.selected ?? (isNewRun ? e.taskId : null),
          finishedCount: e.type === 'task-finished' ? s.finishedCount + 1 : s.finishedCount,
        });
      },
      onBatch(b) {
        // The record is the truth once a batch ends (it also has runs other processes made).
        void get().loadLatest();
        if (b.error) set({ error: b.error });
        // Threshold alerts of the tasks this batch ran, one toast each (Electron also notifies).
        const alerts = (b.alerts ?? []).map((a) => ({ id: ++toastId, text: `Alert: ${a.message}`, tone: 'warn' as const }));
        if (alerts.length > 0) set({ toasts: [...get().toasts, ...alerts] });
        if (b.kind !== 'auto' || b.durationMs < LONG_RUN_MS) return;
        const text = `Auto run finished: ${b.succeeded} succeeded, ${b.failed} failed${b.notStarted ? `, ${b.notStarted} not started` : ''}.`;
        set({ toasts: withToast(get().toasts, { id: ++toastId, text, tone: b.failed ? 'warn' : 'ok' }) });
      },
      async loadLatest() {
        const r = await transport.call('runs:latest', {});
        if (!r.ok) return;
        // Events that arrived while the answer travelled are newer: they win.
        const live = get().lastRuns;
        const merged = Object.fromEntries(r.value.map((run) => [run.taskId, run]));
        for (const [id, run] of Object.entries(live)) if (!merged[id] || run.at >= merged[id]!.at) merged[id] = run;
        set({ lastRuns: merged });
      },
      async loadConsole() {
        const r = await transport.call('runs:console', {});
        if (!r.ok || r.value.tasks.length === 0) return;
        const s = get();
        // Rows the live events already built (the page was quicker) are kept as they are.
        const tasks = { ...s.tasks };
        for (const t of r.value.tasks) if (!tasks[t.taskId]) tasks[t.taskId] = { ...t, lines: [...t.lines] };
        const order = [...s.order, ...r.value.tasks.map((t) => t.taskId).filter((id) => !s.order.includes(id))];
        set({ tasks, order, selected: s.selected ?? order[0] ?? null });
      },
      async loadNorms() {
        const r = await transport.call('runs:norms', {});
        if (r.ok) set({ norms: Object.fromEntries(r.value.map((n) => [n.taskId, n])) });
      },
      async resync() {
        const [active, history] = await Promise.all([transport.call('runs:active', {}), transport.call('runs:history', { limit: 500 })]);
        if (!active.ok || !history.ok) return;
        const s = get();
        const { tasks, finished } = resyncLiveRuns(s.tasks, active.value.running, history.value.attempts, Date.now());
        // finishedCount changes on every resync: the history and charts reload, since
        // runs may have started and ended entirely while the stream was away.
        set({ tasks, finishedCount: s.finishedCount + Math.max(1, finished) });
        void get().loadNorms();
        // Cards and rows show each task's last run: those may have ended meanwhile too.
        void get().loadLatest();
      },
    };
  });
}
