// The alert rules of a loaded project checked against its run record, for the callers that
// hold no database of their own (`auto` after its run, the app after a run finishes).
import fs from 'node:fs';
import { hasRules, type Alert } from '../core/analytics/alerts';
import type { LoadedProject } from '../project/loadBacklog';
import { openDatabase } from '../store/openDatabase';
import { storePath } from '../store/openStore';
import { queryAlerts } from './queries/insights';

/** `ran`: only the alerts of these tasks (what a batch just ran); absent: every task of the backlog. */
export function projectAlerts(project: Pick<LoadedProject, 'projectDir' | 'config' | 'tasks'>, ran?: readonly string[]): Alert[] {
  const rules = project.config.alerts;
  const file = storePath(project.projectDir);
  if (!hasRules(rules) || !fs.existsSync(file)) return [];
  const opened = openDatabase(file);
  if (!opened.ok) return [];
  try {
    const ids = new Set(project.tasks.map((t) => t.id));
    return queryAlerts(opened.value, rules, ran === undefined ? ids : new Set(ran.filter((id) => ids.has(id))));
  } finally {
    opened.value.close();
  }
}
