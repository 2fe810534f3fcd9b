// The alert rules of a loaded project checked against its run record, for the callers that
// hold no database of their own (`auto` after its run, the app after a run finishes).
import fs from 'node:fs';
import { hasRules, type Alert } from '../core/analytics/alerts';
import type { LoadedProject } from '../project/loadBacklog';
import { openDatabase } from '../store/openDatabase';
import { storePath } from '../store/openStore';
import { queryAlerts } from './queries/insights';

export function projectAlerts(project: Pick<LoadedProject, 'projectDir' | 'config'>): Alert[] {
  const rules = project.config.alerts;
  const file = storePath(project.projectDir);
  if (!hasRules(rules) || !fs.existsSync(file)) return [];
  const opened = openDatabase(file);
  if (!opened.ok) return [];
  try {
    return queryAlerts(opened.value, rules);
  } finally {
    opened.value.close();
  }
}
