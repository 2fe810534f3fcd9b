import type { SprintDef } from '../../../shared/backlog';

export interface SprintLoad {
  planned: number;
  capacity: number | null;
  /** planned / capacity, or null without a capacity. */
  ratio: number | null;
  over: boolean;
}

export function sprintLoad(planned: number, sprint: SprintDef | null): SprintLoad {
  const capacity = sprint?.capacity ?? null;
  const ratio = capacity === null ? null : capacity === 0 ? (planned > 0 ? Number.POSITIVE_INFINITY : 0) : planned / capacity;
  return { planned, capacity, ratio, over: ratio !== null && ratio > 1 };
}

/** The sprint list with one sprint replaced (by its old name) or added. */
export function upsertSprint(list: readonly SprintDef[], oldName: string | null, next: SprintDef): SprintDef[] {
  const i = oldName === null ? -1 : list.findIndex((s) => s.name === oldName);
  return i < 0 ? [...list, next] : list.map((s, j) => (j === i ? next : s));
}
