// The run console's store: live rows folded from `run:event`, the batch toasts, the trust
// prompt, and the actions that start and cancel runs through the transport.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AutoRunOptions, BatchFinished, DurationNorm, LiveRunEvent, RunPlan } from '../../../shared/api';
import type { Transport } from '../transport/transport';
import { applyRunEvent, type LiveTask } from './liveRuns';
import { resyncLiveRuns } from './resyncRuns';

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
  toasts: { id: number; text: string; tone: 'ok' | 'warn'; showRuns?: boolean }[];
  error: string | null;
  /** Bumped when a task finishes, so history and charts reload. */
  finishedCount: number;
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
}

export type RunsStore = StoreApi<RunsState>;

/** An auto run longer than this ends with a toast (and a desktop notification in Electron). */
export const LONG_RUN_MS = 10_000;

let toastId = 0;

export function createRunsStore(transport: Transport): RunsStore {
  return createStore<RunsState>()((set, get) => {
    async function start(r: RunRequest): Promise<void> {
      if (r.kind === 'tasks') {
        const result = await transport.call('runs:start', { taskIds: r.taskIds, parallel: r.parallel });
        if (!result.ok) return set({ error: result.error.message });
        const started = result.value.started;
        const text = started.length === 1 ? `Running ${started[0]}.` : `Running ${started.length} tasks.`;
        set({ error: null, toasts: [...get().toasts, { id: ++toastId, text, tone: 'ok', showRuns: true }] });
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
      finishedCount: 0,
      async request(r) {
        const plan = await transport.call('runs:plan', r.kind === 'tasks' ? { taskIds: r.taskIds } : { auto: r.options });
        if (!plan.ok) return set({ error: plan.error.message });
        if (plan.value.commands.length === 0) {
          const why = plan.value.excluded.map((x) => `${x.taskId}: ${x.reason}`).join('; ');
          return set({ error: `Nothing to run${why ? ` (${why})` : ''}.` });
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
        const s = get();
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
        if (b.error) set({ error: b.error });
        // Threshold alerts of the tasks this batch ran, one toast each (Electron also notifies).
        const alerts = (b.alerts ?? []).map((a) => ({ id: ++toastId, text: `Alert: ${a.message}`, tone: 'warn' as const }));
        if (alerts.length > 0) set({ toasts: [...get().toasts, ...alerts] });
        if (b.kind !== 'auto' || b.durationMs < LONG_RUN_MS) return;
        const text = `Auto run finished: ${b.succeeded} succeeded, ${b.failed} failed${b.notStarted ? `, ${b.notStarted} not started` : ''}.`;
        set({ toasts: [...get().toasts, { id: ++toastId, text, tone: b.failed ? 'warn' : 'ok' }] });
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
      },
    };
  });
}
