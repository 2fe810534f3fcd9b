// Every backlog edit Taskdeck writes (CLI set/depend/move, the app's and web host's
// edits and undo, the engine's write-back, and whatever else goes through
// editBacklogFile) becomes one audit row in the project's task_execution.db: the task's
// fields before and after, who, and from where.
import { parseBacklog, type ParseResult } from '../core/backlog';
import type { BacklogEdit } from '../core/backlog/edit/types';
import type { Task } from '../../shared/backlog';
import { recordProjectAudit } from '../store/recordProjectAudit';
import type { AuditOrigin } from '../store/auditOrigin';
import { projectDirOf } from './loadBacklog';

export interface EditOrigin extends Partial<AuditOrigin> {
  /** The project folder whose record gets the row; found from the backlog's path when omitted. */
  projectDir?: string;
}

function fieldsOf(parsed: ParseResult | null, id: string | undefined): Record<string, unknown> | null {
  const t: Task | undefined = id === undefined || parsed === null ? undefined : parsed.tasks.find((x) => x.id === id);
  if (!t) return null;
  return { title: t.title, status: t.status, priority: t.priority, points: t.points, sprint: t.sprint, dependencies: t.dependencies, section: t.section };
}

/** Records the edit; a failure to record is reported on stderr (recordProjectAudit), never undoes or fails the edit already written. */
export async function auditBacklogEdit(
  backlogPath: string,
  edit: BacklogEdit,
  summary: string,
  before: ParseResult,
  /** The parse of the file as written, or its text when the editor could not predict the parse (undo, moves). */
  after: ParseResult | string,
  origin: EditOrigin = {},
): Promise<void> {
  await auditBacklogEdits(backlogPath, [{ edit, summary, before, after }], origin);
}

/** Several edits written at once (editBacklogFileEach): one audit row each, in one transaction. */
export async function auditBacklogEdits(
  backlogPath: string,
  edits: readonly { edit: BacklogEdit; summary: string; before: ParseResult; after: ParseResult | string }[],
  origin: EditOrigin = {},
): Promise<void> {
  const projectDir = origin.projectDir ?? (await projectDirOf(backlogPath));
  recordProjectAudit(
    projectDir,
    edits.map(({ edit, summary, before, after }) => {
      const id = 'id' in edit && typeof edit.id === 'string' ? edit.id : undefined;
      return {
        action: 'backlog-edit' as const,
        taskId: id ?? null,
        summary,
        before: fieldsOf(before, id),
        after: fieldsOf(typeof after === 'string' ? parseBacklog(after) : after, id),
        origin,
      };
    }),
  );
}
