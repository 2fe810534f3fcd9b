// The byte-minimal backlog editor: pure functions from (text, parsed, edit) to new text.
export { applyEdit, applyEditAndPredict, serializeUnchanged } from './applyEdit';
export { inverseEdit } from './inverseEdit';
export type { BacklogEdit, EditError, EditErrorCode, EditOutcome, EditResult, RestorableField } from './types';
export { spliceLines } from './spliceBytes';
export type { LinePatch } from './spliceBytes';
