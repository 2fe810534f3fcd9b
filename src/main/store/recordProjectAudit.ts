// One audit row in a project's record, for changes made outside an open store (backlog
// edits, trust, sprints). Recording never undoes or fails the change already made: a
// record that cannot be opened is reported on stderr.
//
// The connection stays open for the next change (opening and closing a WAL database
// costs ~20 ms, mostly the checkpoint on close; the engine's write-back edits after every
// success). A cached connection is used only while its file is still the same file.
import fs from 'node:fs';
import type { AuditInput } from './audit';
import { openStore, storePath } from './openStore';
import type { Store } from './types';

const KEEP = 4;
const open = new Map<string, { store: Store; ino: number }>();
let closesOnExit = false;

function storeFor(projectDir: string): Store {
  const file = storePath(projectDir);
  const cached = open.get(file);
  if (cached) {
    open.delete(file);
    const ino = fs.statSync(file, { throwIfNoEntry: false })?.ino;
    if (ino === cached.ino) {
      open.set(file, cached);
      return cached.store;
    }
    cached.store.close();
  }
  const opened = openStore(projectDir);
  if (!opened.ok) throw new Error(opened.error.message);
  if (!closesOnExit) {
    // Closing checkpoints the WAL, so a CLI leaves the record as tidy as before.
    process.once('exit', () => {
      for (const entry of open.values()) entry.store.close();
      open.clear();
    });
    closesOnExit = true;
  }
  open.set(file, { store: opened.value, ino: fs.statSync(file).ino });
  for (const [key, entry] of open) {
    if (open.size <= KEEP) break;
    entry.store.close();
    open.delete(key);
  }
  return opened.value;
}

/** One row, or several in one transaction (the engine's write-back of several tasks at once). */
export function recordProjectAudit(projectDir: string, entry: AuditInput | readonly AuditInput[]): boolean {
  const entries: readonly AuditInput[] = Array.isArray(entry) ? entry : [entry as AuditInput];
  if (entries.length === 0) return true;
  try {
    const store = storeFor(projectDir);
    store.transaction(() => {
      for (const e of entries) store.recordAudit(e);
    });
    return true;
  } catch (err) {
    const file = storePath(projectDir);
    open.get(file)?.store.close();
    open.delete(file);
    const what = entries.map((e) => e.summary).join('; ');
    process.stderr.write(`taskdeck: ${what}, but it could not be recorded in the audit log: ${(err as Error).message}\n`);
    return false;
  }
}
