// What every analytics report and command starts from: the project's backlog and sprints
// (as the core's plain records) and its run record's database, opened and migrated by the
// store. A project that never ran has no database: analytics then answers from the
// backlog alone ("not enough data"), without creating one.
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import type { SprintDef, Task } from '../../shared/backlog';
import { dayIndexStart, type TzOffset } from '../core/analytics/calendar';
import type { SprintInfo, TaskPlanInfo } from '../core/analytics/types';
import { DAY_MS } from '../core/analytics/types';
import { timeZoneRule } from './timeZone';
import { loadProject, type LoadedProject } from '../project/loadBacklog';
import { storePath } from '../store/openStore';
import { openDatabase } from '../store/openDatabase';

export interface AnalyticsContext {
  project: LoadedProject;
  plan: TaskPlanInfo[];
  sprints: SprintInfo[];
  /** Null when nothing has run in the project yet. */
  db: Database.Database | null;
  now: number;
  tz: TzOffset;
  close(): void;
}

export interface AnalyticsError {
  code: 'project' | 'store';
  message: string;
}

/** `defaultExecutor`: the project's, which runs tasks that name no command of their own. */
export function planInfo(t: Task, defaultExecutor: string | null): TaskPlanInfo {
  const category = t.metadata['category'];
  return {
    id: t.id,
    title: t.title,
    points: t.points,
    scoreTotal: t.scoreTotal,
    status: t.status,
    sprint: t.sprint,
    category: typeof category === 'string' && category.trim() !== '' ? category.trim() : null,
    executor: t.executor?.kind === 'named' ? t.executor.name : null,
    manual: t.humanRequired || (t.executor === null && defaultExecutor === null),
  };
}

/** A sprint's dates are local days: start at 00:00, end at the end of the last day. */
export function sprintInfo(s: SprintDef, tz: TzOffset): SprintInfo {
  const day = (iso: string | null): number | null => {
    if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
    const t = Date.parse(`${iso}T00:00:00.000Z`);
    return Number.isNaN(t) ? null : t / DAY_MS;
  };
  const start = day(s.start);
  const last = day(s.end);
  return { name: s.name, start: start === null ? null : dayIndexStart(start, tz), end: last === null ? null : dayIndexStart(last + 1, tz) - 1, capacity: s.capacity };
}

/** The machine's UTC offset in minutes at `now` (the core itself never reads a clock or zone). */
export function localOffset(now: number): TzOffset {
  return -new Date(now).getTimezoneOffset();
}

/**
 * `tz`: the user's zone (the browser's IANA name through the API, `--tz` in the CLI); by
 * default the system's, with each instant's own offset (docs/analytics.md, "Time zone").
 */
export async function openAnalytics(projectDir: string, now: number, tz: TzOffset = timeZoneRule()): Promise<{ ok: true; value: AnalyticsContext } | { ok: false; error: AnalyticsError }> {
  const loaded = await loadProject(projectDir);
  if (!loaded.ok) return { ok: false, error: { code: 'project', message: loaded.error.message } };
  const file = storePath(loaded.value.projectDir);
  let db: Database.Database | null = null;
  if (fs.existsSync(file)) {
    const opened = openDatabase(file);
    if (!opened.ok) return { ok: false, error: { code: 'store', message: opened.error.message } };
    db = opened.value;
  }
  return {
    ok: true,
    value: {
      project: loaded.value,
      plan: loaded.value.tasks.map((t) => planInfo(t, loaded.value.config.defaultExecutor)),
      sprints: loaded.value.sprints.map((s) => sprintInfo(s, tz)),
      db,
      now,
      tz,
      close: () => {
        if (db?.open) db.close();
      },
    },
  };
}
