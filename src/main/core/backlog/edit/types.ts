// The edits the editor can make to a backlog file (format contract, section 8).
// Mirrors the API contract's edit kinds (src/shared/contract/edit.ts) so the handler
// table can pass them through; the editor owns this type so the wire format can stay put.
import type { Priority, Status } from '../../../../shared/backlog';
import type { Result } from '../../../../shared/result';

export type BacklogEdit =
  | { kind: 'setStatus'; id: string; value: Status }
  | { kind: 'setPriority'; id: string; value: Exclude<Priority, 'unknown'> }
  | { kind: 'setPoints'; id: string; value: number }
  | { kind: 'setTitle'; id: string; value: string }
  | { kind: 'setSprint'; id: string; value: string | null }
  | { kind: 'addDependency'; id: string; dependency: string }
  | { kind: 'removeDependency'; id: string; dependency: string }
  | { kind: 'moveBefore'; id: string; target: string }
  | { kind: 'moveAfter'; id: string; target: string }
  | { kind: 'moveToTop'; id: string }
  | { kind: 'moveToSection'; id: string; section: string }
  /**
   * Puts back the exact text a field had before an edit (undo): a row's raw cell text with
   * its padding, a heading field line's value, a heading's title. Not offered to users: it
   * is what inverseEdit returns for field edits, so undo restores the bytes, not a look-alike.
   */
  | { kind: 'restoreField'; id: string; field: RestorableField; text: string }
  /**
   * A board drop: set the status and/or the sprint and stand next to `target`, as one
   * write with one undo step (not a status change that leaves the card at file order).
   */
  | {
      kind: 'setAndMove';
      id: string;
      status?: Status;
      sprint?: string | null;
      where: 'before' | 'after';
      target: string;
      /**
       * Places to try, in order, when the task cannot stand next to `target` (its table
       * has other columns, it is a heading): the next nearest cards of the column. If
       * none can hold it, the fields are still set and the task keeps its place.
       */
      alternatives?: DropPlace[];
    }
  /**
   * Edits of one task applied in order as one write. Not offered to users: it is what
   * inverseEdit returns for setAndMove, so one undo puts back every part of the drop.
   */
  | { kind: 'sequence'; id: string; steps: BacklogEdit[] }
  /**
   * Puts the task's block back at line `line` (0-based) of the file as it reads without
   * that block. Not offered to users: the undo of a move whose old place had blank lines
   * or other text around it, which "before/after a neighbour" cannot say exactly.
   */
  | { kind: 'moveToLine'; id: string; line: number }
  /** Writes a new task with this ID (see nextFreeId) in the file's dialect (planEdit.ts). */
  | { kind: 'addTask'; id: string; task: NewTaskFields; place?: TaskPlacement }
  /** Several fields of one task in one write, description included. */
  | { kind: 'editTask'; id: string; fields: TaskFieldChanges; position?: TaskPosition }
  /** Moves the task's block to the file's Archive / Completed / Done section. */
  | { kind: 'archiveTask'; id: string }
  /** Deletes the task's block; `force` also removes other tasks' dependencies on it. */
  | { kind: 'removeTask'; id: string; force?: boolean }
  /**
   * Undo of the structural edits above: puts back `text` where `current` now stands
   * (characters [from, to) of the edited text). Refused unless `current` is still there.
   */
  | { kind: 'restoreText'; id: string; from: number; to: number; current: string; text: string };

export type KnownPriority = Exclude<Priority, 'unknown'>;

/** What a new task says; what is left out is written as the file writes nothing. */
export interface NewTaskFields {
  title: string;
  priority?: KnownPriority;
  points?: number | null;
  status?: Status;
  sprint?: string | null;
  dependencies?: string[];
  description?: string;
  /** `<!-- run: COMMAND -->` */
  run?: string;
  /** `<!-- human_required: true -->` with `<!-- reason: ... -->` */
  humanReason?: string;
}

/** Where a new task goes; none: the end of the first table (or section) holding open tasks. */
export interface TaskPlacement {
  before?: string;
  after?: string;
  section?: string;
}

/** Next to which task an edited task should stand afterwards (a board drop across columns). */
export interface TaskPosition {
  before?: string;
  after?: string;
}

export interface TaskFieldChanges {
  title?: string;
  priority?: KnownPriority;
  points?: number;
  status?: Status;
  sprint?: string | null;
  description?: string;
  dependencies?: string[];
}

export interface DropPlace {
  where: 'before' | 'after';
  target: string;
}

export type RestorableField = 'status' | 'priority' | 'points' | 'title' | 'dependencies' | 'sprint';

export type EditErrorCode = 'unknown-task' | 'bad-value' | 'cannot-edit';

export interface EditError {
  code: EditErrorCode;
  message: string;
}

export interface EditOutcome {
  text: string;
  /** One line a person reads: what changed (`B-049: status to do -> done`). */
  summary: string;
}

export type EditResult = Result<EditOutcome, EditError>;

export function editError(code: EditErrorCode, message: string): { ok: false; error: EditError } {
  return { ok: false, error: { code, message } };
}
