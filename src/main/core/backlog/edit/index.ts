// The byte-minimal backlog editor: pure functions from (text, parsed, edit) to new text.
export { applyEdit, applyEditAndPredict, serializeUnchanged } from './applyEdit';
export { inverseEdit } from './inverseEdit';
export type { BacklogEdit, EditError, EditErrorCode, EditOutcome, EditResult, RestorableField, NewTaskFields, TaskPlacement, TaskFieldChanges, KnownPriority } from './types';
export { nextFreeId, idScheme } from './nextId';
export { dependentsOf } from './removeTask';
export { newCycle } from './editTask';
export { spliceLines } from './spliceBytes';
export type { LinePatch } from './spliceBytes';
export { descriptionMarkdown } from './setDescription';
