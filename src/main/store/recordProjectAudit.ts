// One audit row in a project's record, for changes made outside an open store (backlog
// edits, trust). Recording never undoes or fails the change already made: a record that
// cannot be opened is reported on stderr.
import type { AuditInput } from './audit';
import { openStore } from './openStore';

export function recordProjectAudit(projectDir: string, entry: AuditInput): boolean {
  try {
    const opened = openStore(projectDir);
    if (!opened.ok) throw new Error(opened.error.message);
    try {
      opened.value.recordAudit(entry);
    } finally {
      opened.value.close();
    }
    return true;
  } catch (err) {
    process.stderr.write(`taskdeck: ${entry.summary}, but it could not be recorded in the audit log: ${(err as Error).message}\n`);
    return false;
  }
}
