// Errors of the project layer, as values: a code a program can branch on and a message a
// user can act on. The CLI prints the message and exits 1; the UI shows it in place.
import type { Result as SharedResult } from '../../shared/result';

export type ProjectErrorCode =
  | 'project-not-found'
  | 'no-backlog'
  | 'backlog-not-text'
  | 'backlog-unreadable'
  | 'config-not-json'
  | 'config-invalid'
  | 'config-unreadable'
  | 'config-write-failed';

export interface ProjectError {
  code: ProjectErrorCode;
  message: string;
}

export type Result<T, E = ProjectError> = SharedResult<T, E>;

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail<E>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}
