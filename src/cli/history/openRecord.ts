// Opens a project's run record for the history commands. A project that never ran has
// no database: read commands then say so instead of creating `.taskdeck/` as a side
// effect. Like the engine's start, it first stops what a dead runner (kill -9) left
// running and closes that runner's attempts as interrupted, so what is shown is true.
// (The order matters: stopOrphanedRuns only looks at attempts that are still open.)
import fs from 'node:fs';
import path from 'node:path';
import { stopOrphanedRuns } from '../../main/engine/orphanedRuns';
import { openStore, storePath } from '../../main/store/index';
import type { Store } from '../../main/store/types';
import { CliFailure } from '../output/fail';
import { writeOut } from '../output/stdout';

export interface RecordTarget {
  projectDir: string;
  file: string;
}

export function recordTarget(project: string | undefined): RecordTarget {
  const projectDir = path.resolve(project ?? '.');
  if (!fs.existsSync(projectDir) || !fs.statSync(projectDir).isDirectory()) {
    throw new CliFailure(`${projectDir} is not a folder; pass the project folder with --project DIR`);
  }
  return { projectDir, file: storePath(projectDir) };
}

/** The store, or null when nothing has run in the project yet (and `create` is false). */
export function openRecord(target: RecordTarget, create = false): Store | null {
  if (!create && !fs.existsSync(target.file)) return null;
  const opened = openStore(target.projectDir);
  if (!opened.ok) throw CliFailure.of(opened.error);
  stopOrphanedRuns(opened.value);
  opened.value.recoverInterrupted(Date.now());
  return opened.value;
}

export function withRecord<T>(target: RecordTarget, use: (store: Store | null) => T): T {
  const store = openRecord(target);
  try {
    return use(store);
  } finally {
    store?.close();
  }
}

export function printJson(value: unknown): void {
  writeOut(`${JSON.stringify(value, null, 2)}\n`);
}

export const NOTHING_RAN = 'Nothing has run in this project yet (no .taskdeck/task_execution.db).';
/** The record exists (a plan, a claim or a sync made it) but holds no task yet. */
export const NOTHING_RAN_IN_RECORD = 'Nothing has run in this project yet: its run record holds no task. Run one with taskdeck run ID, or taskdeck auto.';
