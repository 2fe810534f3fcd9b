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
  | { kind: 'restoreField'; id: string; field: RestorableField; text: string };

export type RestorableField = 'status' | 'priority' | 'points' | 'title' | 'dependencies';

export type EditErrorCode = 'unknown-task' | 'bad-value' | 'cannot-edit';

export interface EditError {
  code: EditErrorCode;
  message: string;
}

export interface EditOutcome {
  text: string;
  /** One line a person reads: what changed (`B-049: status todo -> done`). */
  summary: string;
}

export type EditResult = Result<EditOutcome, EditError>;

export function editError(code: EditErrorCode, message: string): { ok: false; error: EditError } {
  return { ok: false, error: { code, message } };
}
