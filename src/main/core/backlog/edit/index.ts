// The byte-minimal backlog editor: pure functions from (text, parsed, edit) to new text.
export { applyEdit, serializeUnchanged } from './applyEdit';
export { inverseEdit } from './inverseEdit';
export type { BacklogEdit, EditError, EditErrorCode, EditOutcome, EditResult, RestorableField } from './types';
