// The backlog view's own state: filters, sort, the open task (drawer) and a task to
// scroll to (from the diagnostics panel or a dependency link).
import { create } from 'zustand';
import type { Priority, Status } from '../../../shared/backlog';
import { emptyFilters } from './filterTasks';
import type { SortKey, SortOrder, TaskFilters } from './filterTasks';

export interface BacklogViewState {
  filters: TaskFilters;
  sort: SortOrder;
  openTaskId: string | null;
  /** Bumped on every jump, so jumping to the same task twice scrolls again. */
  focus: { id: string; nonce: number } | null;
  toggleStatus(s: Status): void;
  togglePriority(p: Priority): void;
  setSprint(sprint: string | null): void;
  setReadyOnly(v: boolean): void;
  setSearch(text: string): void;
  clearFilters(): void;
  sortBy(key: SortKey): void;
  openTask(id: string | null): void;
  jumpTo(id: string): void;
}

function toggle<T>(list: T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

export function createBacklogViewStore() {
  return create<BacklogViewState>()((set) => ({
    filters: emptyFilters,
    sort: { key: 'rank', descending: false },
    openTaskId: null,
    focus: null,
    toggleStatus: (s) => set((st) => ({ filters: { ...st.filters, statuses: toggle(st.filters.statuses, s) } })),
    togglePriority: (p) => set((st) => ({ filters: { ...st.filters, priorities: toggle(st.filters.priorities, p) } })),
    setSprint: (sprint) => set((st) => ({ filters: { ...st.filters, sprint } })),
    setReadyOnly: (readyOnly) => set((st) => ({ filters: { ...st.filters, readyOnly } })),
    setSearch: (search) => set((st) => ({ filters: { ...st.filters, search } })),
    clearFilters: () => set({ filters: emptyFilters }),
    // A second click on the same column flips the direction.
    sortBy: (key) => set((st) => ({ sort: { key, descending: st.sort.key === key ? !st.sort.descending : false } })),
    openTask: (openTaskId) => set({ openTaskId }),
    // Jumping clears filters that would hide the task, then opens it.
    jumpTo: (id) => set((st) => ({ filters: emptyFilters, openTaskId: id, focus: { id, nonce: (st.focus?.nonce ?? 0) + 1 } })),
  }));
}

export const useBacklogView = createBacklogViewStore();
